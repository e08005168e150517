using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.HealthChecks;

/// <summary>
/// Times a small query against the schema (bounded: it reads at most 100 index entries) and
/// reads the server's connection count for this database.
/// </summary>
internal sealed class DatabasePerformanceHealthCheck(DatabaseHosts hosts, IOptions<DatabaseHealthOptions> options) : IHealthCheck
{
    private const string Sql = """
        SELECT (SELECT count(*) FROM (SELECT 1 FROM pitches ORDER BY id LIMIT 100) AS sample) AS sampled,
               (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS connections
        """;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        long connections;
        double elapsedMs;
        try
        {
            await using var connection = await hosts.Primary.DataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            var started = Stopwatch.GetTimestamp();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            connections = reader.GetInt64(1);
            elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, DatabaseErrors.Describe(exception));
        }

        var data = new Dictionary<string, object>
        {
            ["queryMs"] = Math.Round(elapsedMs, 2),
            ["connectionCount"] = connections,
        };
        var message = $"Basic query executed in {elapsedMs:0} ms";
        return elapsedMs > options.Value.DegradedLatencyMs
            ? HealthCheckResult.Degraded($"{message} (above {options.Value.DegradedLatencyMs} ms)", data: data)
            : HealthCheckResult.Healthy(message, data);
    }
}
