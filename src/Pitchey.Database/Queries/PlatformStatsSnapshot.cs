using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.DataSources;
using Pitchey.Database.Diagnostics;
using Pitchey.Database.Routing;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// The platform stats snapshot. Aggregates over whole tables are fine once a minute and never fine
/// per request, so requests read the last snapshot; one that finds it older than
/// <see cref="TunedQueryOptions.PlatformStatsInterval"/> starts a refresh in the background
/// (single-flight: one refresh at a time, however many requests see it stale) and still answers
/// at once with the previous figures. Only the very first request waits for a snapshot.
/// </summary>
public sealed partial class PlatformStatsSnapshot(
    IDatabaseRouter router, IOptions<TunedQueryOptions> options, TimeProvider time, ILogger<PlatformStatsSnapshot> logger)
{
    public const string Sql = SqlTags.PlatformStats +
        "SELECT (SELECT count(*) FROM pitches WHERE status = 'published' AND visibility = 'public'), " +
        "(SELECT coalesce(sum(view_count), 0)::bigint FROM pitches), " +
        "(SELECT count(*) FROM investments), " +
        "(SELECT count(*) FROM users WHERE is_active), " +
        "(SELECT count(*) FROM pitches WHERE status = 'published' AND visibility = 'public' AND created_at >= $1)";

    private readonly Lock _gate = new();
    private readonly TimeSpan _interval = options.Value.PlatformStatsInterval;
    private PlatformStats? _current;
    private Task<PlatformStats>? _refreshing;
    private long _refreshes;

    /// <summary>How many refreshes ran against the database; tests use it.</summary>
    public long Refreshes => Interlocked.Read(ref _refreshes);

    /// <summary>The current snapshot; waits only when there has never been one.</summary>
    public async ValueTask<PlatformStats> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            if (time.GetUtcNow() - current.LastUpdated >= _interval)
            {
                _ = RefreshInBackground();
            }

            return current;
        }

        return await StartRefresh().WaitAsync(cancellationToken);
    }

    private async Task RefreshInBackground()
    {
        try
        {
            await StartRefresh();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogRefreshFailed(logger, DatabaseErrors.Describe(exception));
        }
    }

    private Task<PlatformStats> StartRefresh()
    {
        lock (_gate)
        {
            return _refreshing ??= Task.Run(RefreshAsync);
        }
    }

    private async Task<PlatformStats> RefreshAsync()
    {
        try
        {
            Interlocked.Increment(ref _refreshes);
            var now = time.GetUtcNow();
            var result = await router.ReadAsync(QueryNames.PlatformStats, async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand(Sql, connection);
                command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now.AddDays(-7).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                StatementTrace.Record(command);
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                return new PlatformStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), now);
            }, cancellationToken: CancellationToken.None);
            Volatile.Write(ref _current, result.Value);
            return result.Value;
        }
        finally
        {
            lock (_gate)
            {
                _refreshing = null;
            }
        }
    }

    [LoggerMessage(EventId = EventIds.PlatformStatsRefreshFailed, EventName = nameof(EventIds.PlatformStatsRefreshFailed), Level = LogLevel.Warning,
        Message = "Platform stats refresh failed ({Reason}); serving the previous snapshot")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}
