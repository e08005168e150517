using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.StatusPage;

internal sealed partial class HistorySampler
{
    [LoggerMessage(EventId = EventIds.StatusChartFailed, EventName = nameof(EventIds.StatusChartFailed), Level = LogLevel.Warning,
        Message = "Status chart {Chart} failed to sample ({ExceptionType}); its point is missing for this interval")]
    private static partial void LogChartFailed(ILogger logger, string chart, string exceptionType);
}
