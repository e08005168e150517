using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>
/// Runs every registered <see cref="IHealthCheck"/> in parallel under one hard timeout. A check
/// that has not finished by then is reported with its failure status and left to finish on its
/// own; its result is not awaited, so a frozen database cannot hold a run past the timeout.
/// </summary>
internal sealed partial class ProbeRunner(
    IServiceScopeFactory scopes,
    IOptions<HealthCheckServiceOptions> checks,
    IOptions<HealthProbeOptions> options,
    TimeProvider time,
    ILogger<ProbeRunner> logger)
{
    public async Task<IReadOnlyList<ProbeEntry>> RunAsync()
    {
        var timeout = options.Value.RunTimeout;
        using var cancellation = new CancellationTokenSource(timeout, time);
        await using var scope = scopes.CreateAsyncScope();
        var registrations = checks.Value.Registrations;
        var runs = new Task<ProbeEntry>[registrations.Count];
        var i = 0;
        foreach (var registration in registrations)
        {
            runs[i++] = RunOneAsync(registration, scope.ServiceProvider, timeout, cancellation.Token);
        }

        return await Task.WhenAll(runs);
    }

    private async Task<ProbeEntry> RunOneAsync(
        HealthCheckRegistration registration, IServiceProvider services, TimeSpan runTimeout, CancellationToken cancellationToken)
    {
        var timeout = registration.Timeout > TimeSpan.Zero && registration.Timeout < runTimeout ? registration.Timeout : runTimeout;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var context = new HealthCheckContext { Registration = registration };
            // Task.Run: a check that blocks before its first await must not block the run.
            var result = await Task.Run(
                    () => registration.Factory(services).CheckHealthAsync(context, cancellationToken), cancellationToken)
                .WaitAsync(timeout, time);
            return Entry(registration, result.Status, result.Description, started, timedOut: false, result.Data);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            LogCheckTimedOut(logger, registration.Name, (long)timeout.TotalMilliseconds);
            return Entry(registration, registration.FailureStatus, $"timed out after {timeout.TotalMilliseconds:0} ms", started, timedOut: true, null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Only the type: exception messages can carry connection details.
            LogCheckThrew(logger, registration.Name, exception.GetType().Name);
            return Entry(registration, registration.FailureStatus, $"check failed ({exception.GetType().Name})", started, timedOut: false, null);
        }
    }

    private static ProbeEntry Entry(
        HealthCheckRegistration registration, HealthStatus status, string? description, long started, bool timedOut,
        IReadOnlyDictionary<string, object>? data) =>
        new(registration.Name, status, description, Stopwatch.GetElapsedTime(started), timedOut, registration.Tags.ToArray(),
            data ?? EmptyData);

    private static readonly IReadOnlyDictionary<string, object> EmptyData = new Dictionary<string, object>();

    [LoggerMessage(EventId = EventIds.HealthCheckTimedOut, EventName = nameof(EventIds.HealthCheckTimedOut), Level = LogLevel.Warning,
        Message = "Health check {CheckName} did not finish within {TimeoutMs} ms and counts as failed")]
    private static partial void LogCheckTimedOut(ILogger logger, string checkName, long timeoutMs);

    [LoggerMessage(EventId = EventIds.HealthCheckThrew, EventName = nameof(EventIds.HealthCheckThrew), Level = LogLevel.Warning,
        Message = "Health check {CheckName} threw {ExceptionType} and counts as failed")]
    private static partial void LogCheckThrew(ILogger logger, string checkName, string exceptionType);
}
