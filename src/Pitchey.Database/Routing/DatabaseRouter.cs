using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Pitchey.Database.DataSources;
using Pitchey.Database.Diagnostics;

namespace Pitchey.Database.Routing;

/// <summary>
/// Routes reads to a replica that is reachable, in recovery, within the query's lag budget and
/// (for read-your-writes) past the caller's LSN, choosing among those by latency and load;
/// otherwise to the primary. A read that fails on one host is retried at once on another,
/// then with backoff; writes run once, on the primary. Everything that needs the primary goes
/// through its circuit breaker, so while it is down callers get
/// <see cref="DatabaseUnavailableException"/> at once instead of queueing on the pool.
/// </summary>
internal sealed partial class DatabaseRouter : IDatabaseRouter
{
    private readonly HostSlot _primary;
    private readonly HostSlot[] _replicas;
    private readonly ReplicaMonitor _monitor;
    private readonly DatabaseRoutingOptions _options;

    // The rules, parsed once: a read looks its query up here instead of parsing its rule again.
    private readonly FrozenDictionary<string, (RoutingTarget Target, double MaxLagSeconds)> _rules;
    private readonly ResiliencePipeline _readPipeline;
    private readonly ResiliencePipeline _primaryPipeline;
    private readonly PrimaryBreakerState _breaker;
    private readonly RoutingMetrics _metrics;
    private readonly ILogger<DatabaseRouter> _logger;

    public DatabaseRouter(
        DatabaseHosts hosts,
        ReplicaMonitor monitor,
        IOptions<DatabaseRoutingOptions> options,
        ResiliencePipelineProvider<string> pipelines,
        PrimaryBreakerState breaker,
        RoutingMetrics metrics,
        ILogger<DatabaseRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipelines);
        _primary = new HostSlot(hosts.Primary, -1);
        _replicas = [.. hosts.Replicas.Select((host, i) => new HostSlot(host, i))];
        _monitor = monitor;
        _options = options.Value;
        _rules = _options.Rules.Keys.ToFrozenDictionary(name => name, _options.RuleFor, StringComparer.OrdinalIgnoreCase);
        _readPipeline = pipelines.GetPipeline(DatabasePipelines.Read);
        _primaryPipeline = pipelines.GetPipeline(DatabasePipelines.Primary);
        _breaker = breaker;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Connections this router has tried to open on <paramref name="host"/> (tests count them).</summary>
    public long ConnectionAttempts(DatabaseHost host) => SlotOf(host) is { } slot ? Interlocked.Read(ref slot.ConnectionAttempts) : 0;

    /// <summary>Whether the primary's breaker is refusing calls right now.</summary>
    public bool PrimaryCircuitOpen => _breaker.IsOpen;

    public async Task<RoutedResult<T>> ReadAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read, ReadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queryName);
        ArgumentNullException.ThrowIfNull(read);
        var (target, maxLag) = _rules.TryGetValue(queryName, out var rule) ? rule : (RoutingTarget.Replica, _options.MaxLagSeconds);
        var attempt = new ReadAttempt<T>(this, queryName, read, target, maxLag, options?.MinimumLsn);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(DatabasePipelines.AttemptKey, attempt);
        try
        {
            var result = await _readPipeline.ExecuteAsync(static (ctx, a) => a.RunAsync(ctx.CancellationToken), context, attempt);
            _metrics.Read(queryName, result.OnReplica);
            return result;
        }
        catch (BrokenCircuitException open)
        {
            throw Unavailable(open);
        }
        catch (Exception exception) when (DatabaseErrors.IsConnectionFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw new DatabaseUnavailableException(DatabaseErrors.Describe(exception), exception) { RetryAfter = _options.RetryBaseDelay };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public async Task<RoutedResult<T>> WriteAsync<T>(
        string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queryName);
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            // No retry: a write that failed mid-way may have committed, and only the caller knows
            // whether running it again is safe.
            var value = await _primaryPipeline.ExecuteAsync(
                static (s, ct) => new ValueTask<T>(s.Router.RunAsync(s.Router._primary, s.Write, ct)),
                (Router: this, Write: write), cancellationToken);
            _metrics.Write(queryName);
            return new RoutedResult<T>(value, _primary.Host, OnReplica: false);
        }
        catch (BrokenCircuitException open)
        {
            throw Unavailable(open);
        }
        catch (Exception exception) when (DatabaseErrors.IsConnectionFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw new DatabaseUnavailableException(DatabaseErrors.Describe(exception), exception) { RetryAfter = _options.RetryBaseDelay };
        }
    }

    /// <summary>Picks where the next try of a read runs: the best replica not yet failed, else the primary.</summary>
    private HostSlot Choose(RoutingTarget target, double maxLagSeconds, NpgsqlLogSequenceNumber? minimumLsn, ulong failedReplicas)
    {
        if (target == RoutingTarget.Primary || _replicas.Length == 0)
        {
            return _primary;
        }

        var statuses = _monitor.Current.Replicas;
        var eligible = 0;
        for (var i = 0; i < _replicas.Length; i++)
        {
            if (Eligible(i))
            {
                eligible++;
            }
        }

        if (eligible == 0)
        {
            return _primary;
        }

        // Power of two random choices: two eligible replicas at random, prefer the one with the
        // lower latency x load score. It spreads load like round robin while steering away from
        // a slow or busy host, and needs no shared state beyond the in-flight counters.
        var a = Random.Shared.Next(eligible);
        var b = eligible == 1 ? a : (a + 1 + Random.Shared.Next(eligible - 1)) % eligible;
        HostSlot? first = null;
        HostSlot? second = null;
        for (int i = 0, n = 0; i < _replicas.Length; i++)
        {
            if (!Eligible(i))
            {
                continue;
            }

            if (n == a)
            {
                first = _replicas[i];
            }

            if (n == b)
            {
                second = _replicas[i];
            }

            n++;
        }

        if (ReferenceEquals(first, second))
        {
            return first!;
        }

        // Weighted, not strict: the faster of the two wins in proportion to its speed, so a
        // replica a little slower still gets its share instead of none.
        var firstScore = Score(first!, statuses);
        var secondScore = Score(second!, statuses);
        return Random.Shared.NextDouble() * (firstScore + secondScore) < secondScore ? first! : second!;

        bool Eligible(int i) =>
            (i >= 64 || (failedReplicas & (1UL << i)) == 0) && statuses[i].CanServe(maxLagSeconds, minimumLsn);
    }

    private static double Score(HostSlot slot, System.Collections.Immutable.ImmutableArray<HostStatus> statuses) =>
        Math.Max(statuses[slot.Index].LatencyMs, 0.05) * (1 + Volatile.Read(ref slot.InFlight));

    private async Task<T> RunAsync<T>(HostSlot slot, Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref slot.ConnectionAttempts);
        Interlocked.Increment(ref slot.InFlight);
        try
        {
            await using var connection = await slot.Host.DataSource.OpenConnectionAsync(cancellationToken);
            return await work(connection, cancellationToken);
        }
        catch (Exception exception) when (DatabaseErrors.IsConnectionFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            // The pool's idle connections to this host are most likely dead too (a restart or a
            // failover kills them all at once).
            slot.Host.DataSource.Clear();
            if (slot.Index >= 0)
            {
                _monitor.ReportFailure(slot.Host, DatabaseErrors.Describe(exception));
            }

            throw;
        }
        finally
        {
            Interlocked.Decrement(ref slot.InFlight);
        }
    }

    private ValueTask<RoutedResult<T>> RunReadOnAsync<T>(HostSlot slot, Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (slot.Index >= 0)
        {
            return new ValueTask<RoutedResult<T>>(Wrap(RunAsync(slot, read, cancellationToken), slot));
        }

        return _primaryPipeline.ExecuteAsync(
            static async (s, ct) => new RoutedResult<T>(await s.Router.RunAsync(s.Router._primary, s.Read, ct), s.Router._primary.Host, OnReplica: false),
            (Router: this, Read: read), cancellationToken);

        static async Task<RoutedResult<T>> Wrap(Task<T> run, HostSlot slot) => new(await run, slot.Host, OnReplica: true);
    }

    private DatabaseUnavailableException Unavailable(BrokenCircuitException open)
    {
        _metrics.Rejected();
        return new DatabaseUnavailableException("database unavailable (primary circuit open)", open)
        {
            RetryAfter = open.RetryAfter ?? _options.BreakerBreakDuration,
        };
    }

    private HostSlot? SlotOf(DatabaseHost host)
    {
        if (ReferenceEquals(host, _primary.Host))
        {
            return _primary;
        }

        return Array.Find(_replicas, slot => ReferenceEquals(slot.Host, host));
    }

    [LoggerMessage(EventId = RoutingEventIds.ReadFailedOver, Level = LogLevel.Debug,
        Message = "Read {QueryName} failed on {HostName}; retrying on another host")]
    private static partial void LogFailedOver(ILogger logger, string queryName, string hostName);

    [LoggerMessage(EventId = RoutingEventIds.ReadRetrying, Level = LogLevel.Debug,
        Message = "Read {QueryName} failed on {HostName}; retrying after a backoff")]
    private static partial void LogRetrying(ILogger logger, string queryName, string hostName);

    /// <summary>Counters and load of one host, as this router sees it.</summary>
    private sealed class HostSlot(DatabaseHost host, int index)
    {
        public long ConnectionAttempts;
        public int InFlight;

        public DatabaseHost Host { get; } = host;

        /// <summary>Index into the snapshot's replicas; -1 for the primary.</summary>
        public int Index { get; } = index;
    }

    /// <summary>One read, across its tries: remembers which replicas already failed it.</summary>
    private sealed class ReadAttempt<T>(
        DatabaseRouter router, string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read,
        RoutingTarget target, double maxLagSeconds, NpgsqlLogSequenceNumber? minimumLsn) : IReadAttempt
    {
        private HostSlot? _last;
        private ulong _failedReplicas;

        public ValueTask<RoutedResult<T>> RunAsync(CancellationToken cancellationToken)
        {
            _last = router.Choose(target, maxLagSeconds, minimumLsn, _failedReplicas);
            return router.RunReadOnAsync(_last, read, cancellationToken);
        }

        public bool NextIsAnotherHost()
        {
            if (_last is { Index: >= 0 and < 64 } failed)
            {
                _failedReplicas |= 1UL << failed.Index;
            }

            return !ReferenceEquals(router.Choose(target, maxLagSeconds, minimumLsn, _failedReplicas), _last);
        }

        public void OnRetry(bool otherHost)
        {
            router._metrics.Retry(otherHost);
            if (otherHost)
            {
                LogFailedOver(router._logger, queryName, _last?.Host.Name ?? "?");
            }
            else
            {
                LogRetrying(router._logger, queryName, _last?.Host.Name ?? "?");
            }
        }
    }
}
