using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pitchey.Database.Diagnostics;
using Pitchey.Database.Routing;

namespace Pitchey.Database.HealthChecks;

/// <summary>
/// Reports the replica monitor's last snapshot, never touching a database itself. Replicas
/// only add capacity (the primary serves every read they cannot), so an unusable replica makes
/// the gateway degraded, never unhealthy.
/// </summary>
internal sealed class ReplicaHealthCheck(ReplicaMonitor monitor, PrimaryBreakerState breaker, IOptions<DatabaseRoutingOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (monitor.Current.Sequence == 0)
        {
            // Just started: the first round is on its way (bounded by the monitor's own timeout).
            await monitor.FirstRound.WaitAsync(cancellationToken);
        }

        var snapshot = monitor.Current;
        var budget = options.Value.MaxLagSeconds;
        var data = new Dictionary<string, object>
        {
            ["primary"] = Describe(snapshot.Primary, budget),
            ["primaryCircuit"] = CircuitStates.Word(breaker.State),
        };
        if (snapshot.Replicas.IsEmpty)
        {
            return HealthCheckResult.Healthy("no replicas configured: every read uses the primary", data);
        }

        var usable = 0;
        foreach (var replica in snapshot.Replicas)
        {
            data[replica.Host.Name] = Describe(replica, budget);
            if (replica.CanServe(budget, minimumLsn: null))
            {
                usable++;
            }
        }

        var message = $"{usable} of {snapshot.Replicas.Length} replicas usable (lag budget {budget:0.###} s)";
        return usable == snapshot.Replicas.Length
            ? HealthCheckResult.Healthy(message, data)
            : HealthCheckResult.Degraded(message + "; reads they would serve go to the primary", data: data);
    }

    private static Dictionary<string, object> Describe(HostStatus status, double budget)
    {
        var entry = new Dictionary<string, object>
        {
            ["endpoint"] = status.Host.Endpoint,
            ["reachable"] = status.Reachable,
            ["role"] = !status.Reachable ? "unknown" : status.InRecovery ? "replica" : "primary",
            ["latencyMs"] = Math.Round(status.LatencyMs, 2),
        };
        if (status.Reachable && status.InRecovery)
        {
            entry["lagSeconds"] = status.LagSeconds is { } lag ? Math.Round(lag, 3) : "unknown";
            entry["lagBytes"] = status.LagBytes;
            entry["usable"] = status.CanServe(budget, minimumLsn: null);
        }

        if (status.Lsn is { } lsn)
        {
            entry["lsn"] = lsn.ToString();
        }

        if (status.Error is { } error)
        {
            entry["error"] = error;
        }

        if (status.Checked)
        {
            entry["checkedAt"] = status.CheckedAt;
        }

        return entry;
    }
}
