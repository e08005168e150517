using Microsoft.Extensions.Logging;
using Pitchey.Database.Diagnostics;

namespace Pitchey.Database.Routing;

internal sealed partial class ReplicaMonitor
{
    [LoggerMessage(EventId = EventIds.HostBecameReachable, EventName = nameof(EventIds.HostBecameReachable), Level = LogLevel.Information,
        Message = "Database host {HostName} ({Endpoint}) is reachable as {Role}")]
    private static partial void LogReachable(ILogger logger, string hostName, string endpoint, string role);

    [LoggerMessage(EventId = EventIds.HostBecameUnreachable, EventName = nameof(EventIds.HostBecameUnreachable), Level = LogLevel.Warning,
        Message = "Database host {HostName} ({Endpoint}) is unreachable: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string hostName, string endpoint, string reason);

    [LoggerMessage(EventId = EventIds.ReplicaLagExceeded, EventName = nameof(EventIds.ReplicaLagExceeded), Level = LogLevel.Warning,
        Message = "Replica {HostName} is {LagSeconds:0.###} s ({LagBytes} bytes) behind, over the default {BudgetSeconds} s budget; reads without a looser rule go elsewhere")]
    private static partial void LogLagExceeded(ILogger logger, string hostName, double lagSeconds, long lagBytes, double budgetSeconds);

    [LoggerMessage(EventId = EventIds.ReplicaRoleChanged, EventName = nameof(EventIds.ReplicaRoleChanged), Level = LogLevel.Warning,
        Message = "Database host {HostName} changed role to {Role}")]
    private static partial void LogRoleChanged(ILogger logger, string hostName, string role);
}
