using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Pitchey.Database.DataSources;
using Pitchey.Database.Diagnostics;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Routing;

/// <summary>
/// Routes reads to a replica that is reachable, in recovery, within the query's lag budget and
/// (for read-your-writes) past the caller's LSN, choosing among those by latency and load
/// (<see cref="HostChooser"/>); otherwise to the primary. A read that fails on one host is retried
/// at once on another, then with backoff; writes run once, on the primary. Everything that needs
/// the primary goes through its circuit breaker, so while it is down callers get
/// <see cref="DatabaseUnavailableException"/> at once instead of queueing on the pool.
/// </summary>
internal sealed partial class DatabaseRouter : IDatabaseRouter
{
    private readonly HostChooser _chooser;
    private readonly ReplicaMonitor _monitor;
    private readonly DatabaseRoutingOptions _options;

    // The rules, parsed once: a read looks its query up here instead of parsing its rule again.
    private readonly FrozenDictionary<string, (RoutingTarget Target, double MaxLagSeconds)> _rules;
    private readonly ResiliencePipeline _readPipeline;
    private readonly ResiliencePipeline _primaryPipeline;
    private readonly PrimaryBreakerState _breaker;
    private readonly RoutingMetrics _metrics;
    private readonly SlowQueryLog _slowQueries;
    private readonly ILogger<DatabaseRouter> _logger;

    public DatabaseRouter(
        DatabaseHosts hosts,
        ReplicaMonitor monitor,
        IOptions<DatabaseRoutingOptions> options,
        ResiliencePipelineProvider<string> pipelines,
        PrimaryBreakerState breaker,
        RoutingMetrics metrics,
        SlowQueryLog slowQueries,
        ILogger<DatabaseRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipelines);
        _chooser = new HostChooser(new HostSlot(hosts.Primary, -1), [.. hosts.Replicas.Select((host, i) => new HostSlot(host, i))], monitor);
        _monitor = monitor;
        _options = options.Value;
        _rules = _options.Rules.Keys.ToFrozenDictionary(name => name, _options.RuleFor, StringComparer.OrdinalIgnoreCase);
        _readPipeline = pipelines.GetPipeline(DatabasePipelines.Read);
        _primaryPipeline = pipelines.GetPipeline(DatabasePipelines.Primary);
        _breaker = breaker;
        _metrics = metrics;
        _slowQueries = slowQueries;
        _logger = logger;
    }

    private HostSlot Primary => _chooser.Primary;

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
        var trace = StatementTrace.Begin();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await _readPipeline.ExecuteAsync(static (ctx, a) => a.RunAsync(ctx.CancellationToken), context, attempt);
            Completed(queryName, result.Host.Name, started, trace);
            _metrics.Read(queryName, result.OnReplica);
            return result;
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw Unavailable(exception);
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
        var trace = StatementTrace.Begin();
        var started = Stopwatch.GetTimestamp();
        try
        {
            // No retry: a write that failed mid-way may have committed, and only the caller knows
            // whether running it again is safe.
            var value = await _primaryPipeline.ExecuteAsync(
                static (s, ct) => new ValueTask<T>(s.Router.RunAsync(s.Router.Primary, s.Write, ct)),
                (Router: this, Write: write), cancellationToken);
            Completed(queryName, Primary.Host.Name, started, trace);
            _metrics.Write(queryName);
            return new RoutedResult<T>(value, Primary.Host, OnReplica: false);
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw Unavailable(exception);
        }
    }

    /// <summary>One measurement of a query that succeeded: the duration histogram, and the slow-query log when it reached its threshold.</summary>
    private void Completed(string queryName, string hostName, long started, StatementTrace trace)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        _metrics.QueryCompleted(queryName, hostName, elapsed);
        _slowQueries.Observe(queryName, hostName, elapsed, trace);
    }

    /// <summary>The breaker refused, or the host failed and the caller is still waiting: nothing can serve it now.</summary>
    private static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) =>
        exception is BrokenCircuitException
        || (DatabaseErrors.IsConnectionFailure(exception) && !cancellationToken.IsCancellationRequested);

    private DatabaseUnavailableException Unavailable(Exception exception)
    {
        if (exception is BrokenCircuitException open)
        {
            _metrics.Rejected();
            return new DatabaseUnavailableException("database unavailable (primary circuit open)", open)
            {
                RetryAfter = open.RetryAfter ?? _options.BreakerBreakDuration,
            };
        }

        return new DatabaseUnavailableException(DatabaseErrors.Describe(exception), exception) { RetryAfter = _options.RetryBaseDelay };
    }

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
            if (!slot.IsPrimary)
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
        if (!slot.IsPrimary)
        {
            return new ValueTask<RoutedResult<T>>(Wrap(RunAsync(slot, read, cancellationToken), slot));
        }

        return _primaryPipeline.ExecuteAsync(
            static async (s, ct) => new RoutedResult<T>(await s.Router.RunAsync(s.Router.Primary, s.Read, ct), s.Router.Primary.Host, OnReplica: false),
            (Router: this, Read: read), cancellationToken);

        static async Task<RoutedResult<T>> Wrap(Task<T> run, HostSlot slot) => new(await run, slot.Host, OnReplica: true);
    }

    private HostSlot? SlotOf(DatabaseHost host) =>
        ReferenceEquals(host, Primary.Host) ? Primary : _chooser.Replicas.FirstOrDefault(slot => ReferenceEquals(slot.Host, host));

    /// <summary>One read, across its tries: remembers which replicas already failed it.</summary>
    private sealed class ReadAttempt<T>(
        DatabaseRouter router, string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read,
        RoutingTarget target, double maxLagSeconds, NpgsqlLogSequenceNumber? minimumLsn) : IReadAttempt
    {
        private HostSlot? _last;
        private ulong _failedReplicas;

        public ValueTask<RoutedResult<T>> RunAsync(CancellationToken cancellationToken)
        {
            _last = router._chooser.Choose(target, maxLagSeconds, minimumLsn, _failedReplicas);
            return router.RunReadOnAsync(_last, read, cancellationToken);
        }

        public bool NextIsAnotherHost()
        {
            _failedReplicas = HostChooser.MarkFailed(_failedReplicas, _last);
            return !ReferenceEquals(router._chooser.Choose(target, maxLagSeconds, minimumLsn, _failedReplicas), _last);
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
