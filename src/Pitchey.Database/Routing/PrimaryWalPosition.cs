using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.DataSources;
using Pitchey.Database.Diagnostics;

namespace Pitchey.Database.Routing;

/// <summary>
/// Read-your-writes needs, after a write committed, an LSN at least as far as its commit.
/// <c>pg_current_wal_lsn()</c> read on the primary after the commit is such an LSN. Reads are
/// coalesced: a caller reuses any read that started after its write completed (finished or in
/// flight); otherwise it joins the one read queued behind the current one. A write storm costs
/// at most one query in flight plus one queued, whatever the number of writers.
/// </summary>
/// <remarks>
/// Public for the gateway's response transform; built by <c>AddPitcheyDatabase</c>, which owns the
/// breaker state it reads.
/// </remarks>
public sealed partial class PrimaryWalPosition
{
    private readonly DatabaseHosts _hosts;
    private readonly PrimaryBreakerState _breaker;
    private readonly IOptions<DatabaseRoutingOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PrimaryWalPosition> _logger;
    private readonly Lock _gate = new();
    private Fetch? _latest;
    private Fetch? _queued;
    private long _queries;

    internal PrimaryWalPosition(
        DatabaseHosts hosts,
        PrimaryBreakerState breaker,
        IOptions<DatabaseRoutingOptions> options,
        TimeProvider time,
        ILogger<PrimaryWalPosition> logger)
    {
        _hosts = hosts;
        _breaker = breaker;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Queries sent so far (tests check the coalescing).</summary>
    public long Queries => Interlocked.Read(ref _queries);

    /// <summary>
    /// An LSN at or past every commit that completed before <paramref name="completedAt"/> (a
    /// <see cref="TimeProvider.GetTimestamp"/> value); null when the primary cannot tell right now.
    /// Never throws for database trouble.
    /// </summary>
    public async Task<NpgsqlLogSequenceNumber?> AfterAsync(long completedAt, CancellationToken cancellationToken)
    {
        if (_breaker.IsOpen)
        {
            return null;
        }

        Task<NpgsqlLogSequenceNumber?> task;
        lock (_gate)
        {
            if (_latest is { } latest && latest.StartedAt >= completedAt)
            {
                task = latest.Task;
            }
            else if (_queued is { } queued)
            {
                // It starts only once the current read ends, so after this caller's write.
                task = queued.Task;
            }
            else if (_latest is { Task.IsCompleted: false } running)
            {
                var next = new Fetch();
                _queued = next;
                next.Task = RunAfterAsync(running.Task, next);
                task = next.Task;
            }
            else
            {
                var fresh = new Fetch { StartedAt = _time.GetTimestamp() };
                _latest = fresh;
                fresh.Task = QueryAsync();
                task = fresh.Task;
            }
        }

        return await task.WaitAsync(cancellationToken);
    }

    private async Task<NpgsqlLogSequenceNumber?> RunAfterAsync(Task previous, Fetch next)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
        {
            next.StartedAt = _time.GetTimestamp();
            _latest = next;
            _queued = null;
        }

        return await QueryAsync();
    }

    private async Task<NpgsqlLogSequenceNumber?> QueryAsync()
    {
        Interlocked.Increment(ref _queries);
        var timeout = _options.Value.LsnTimeout;
        try
        {
            using var cancellation = new CancellationTokenSource(timeout, _time);
            var query = Task.Run(async () =>
            {
                await using var connection = await _hosts.Primary.DataSource.OpenConnectionAsync(cancellation.Token);
                await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()", connection);
                return (NpgsqlLogSequenceNumber?)(NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellation.Token))!;
            });
            return await query.WaitAsync(timeout, _time);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogUnavailable(_logger, DatabaseErrors.Describe(exception));
            return null;
        }
    }

    private sealed class Fetch
    {
        public long StartedAt { get; set; } = long.MaxValue;

        public Task<NpgsqlLogSequenceNumber?> Task { get; set; } = null!;
    }

    [LoggerMessage(EventId = EventIds.WalPositionUnavailable, EventName = nameof(EventIds.WalPositionUnavailable), Level = LogLevel.Debug,
        Message = "Could not read the primary's WAL position for read-your-writes: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
