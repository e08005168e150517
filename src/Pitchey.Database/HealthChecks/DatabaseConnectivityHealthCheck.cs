using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.HealthChecks;

/// <summary>Opens a pooled connection to the primary and runs <c>SELECT 1</c>.</summary>
internal sealed class DatabaseConnectivityHealthCheck(DatabaseHosts hosts, IOptions<DatabaseHealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = await hosts.Primary.DataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The exception itself is not attached: its text can carry server details.
            return new HealthCheckResult(context.Registration.FailureStatus, DatabaseErrors.Describe(exception));
        }

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var data = new Dictionary<string, object> { ["latencyMs"] = Math.Round(elapsedMs, 2), ["host"] = hosts.Primary.Name };
        var message = $"Database connection successful in {elapsedMs:0} ms";
        return elapsedMs > options.Value.DegradedLatencyMs
            ? HealthCheckResult.Degraded($"{message} (above {options.Value.DegradedLatencyMs} ms)", data: data)
            : HealthCheckResult.Healthy(message, data);
    }
}
