using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Routing;

/// <summary>
/// Checks every host in the background (role, replay position and lag, reachability, latency)
/// and publishes an immutable <see cref="TopologySnapshot"/> that routing, the <c>replicas</c>
/// health check and the metrics read without ever waiting on a database.
/// </summary>
internal sealed partial class ReplicaMonitor : BackgroundService
{
    // One round trip answers everything. The lag is 0 when the replica has replayed all it
    // received: on an idle primary pg_last_xact_replay_timestamp() ages forever, and a replica
    // that is fully caught up must not look late. After a restart the receive position can sit
    // at a segment start below the replay position, hence <= rather than =.
    private const string Sql = """
        SELECT pg_is_in_recovery(),
               CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END,
               pg_last_wal_receive_lsn(),
               CASE WHEN NOT pg_is_in_recovery() THEN 0::float8
                    WHEN pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0::float8
                    ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8
               END
        """;

    private readonly DatabaseHosts _hosts;
    private readonly DatabaseRoutingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplicaMonitor> _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TopologySnapshot _snapshot;

    public ReplicaMonitor(DatabaseHosts hosts, IOptions<DatabaseRoutingOptions> options, TimeProvider time, ILogger<ReplicaMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hosts = hosts;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _snapshot = new TopologySnapshot(
            HostStatus.Unchecked(hosts.Primary), [.. hosts.Replicas.Select(HostStatus.Unchecked)], Sequence: 0);
    }

    /// <summary>The latest snapshot; never blocks.</summary>
    public TopologySnapshot Current => Volatile.Read(ref _snapshot);

    /// <summary>Completes when the first round of checks has been published.</summary>
    public Task FirstRound => _firstRound.Task;

    /// <summary>Runs one round of checks now (single-flight: a caller arriving mid-round waits for the next).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var primaryCheck = CheckAsync(_hosts.Primary, cancellationToken);
            var replicaChecks = _hosts.Replicas.Select(replica => CheckAsync(replica, cancellationToken)).ToArray();
            var primary = await primaryCheck;
            var replicas = await Task.WhenAll(replicaChecks);
            var previous = Current;
            var next = new TopologySnapshot(
                Smooth(previous.Primary, primary.Status),
                [.. replicas.Select((r, i) => Smooth(previous.Replicas[i], WithLag(r, primary.Status)))],
                previous.Sequence + 1);
            Volatile.Write(ref _snapshot, next);
            _firstRound.TrySetResult();
            LogChanges(previous, next);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>
    /// Routing saw <paramref name="host"/> fail: stop sending it reads until a check finds it
    /// healthy again, instead of waiting for the next round.
    /// </summary>
    public void ReportFailure(DatabaseHost host, string reason)
    {
        while (true)
        {
            var current = Current;
            var index = IndexOf(current, host);
            if (index < 0 || !current.Replicas[index].Reachable)
            {
                return;
            }

            var down = current.Replicas[index] with { Reachable = false, Error = reason };
            var next = current with { Replicas = current.Replicas.SetItem(index, down), Sequence = current.Sequence + 1 };
            if (ReferenceEquals(Interlocked.CompareExchange(ref _snapshot, next, current), current))
            {
                LogUnreachable(_logger, host.Name, host.Endpoint, reason);
                return;
            }
        }
    }

    public override void Dispose()
    {
        _refreshGate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.MonitorInterval, _time);
        try
        {
            do
            {
                await RefreshAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<(HostStatus Status, NpgsqlLogSequenceNumber? ReceiveLsn)> CheckAsync(DatabaseHost host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.MonitorTimeout);
        var started = _time.GetTimestamp();
        try
        {
            // WaitAsync bounds the check even if the driver ignores cancellation (a frozen server).
            return await ProbeAsync(host, started, timeout.Token).WaitAsync(_options.MonitorTimeout, _time, cancellationToken);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            if (DatabaseErrors.IsConnectionFailure(exception))
            {
                // Pooled connections to a host that went away are dead; do not hand them out again.
                host.DataSource.Clear();
            }

            return (HostStatus.Unchecked(host) with
            {
                Checked = true,
                CheckedAt = _time.GetUtcNow(),
                Error = DatabaseErrors.Describe(exception),
            }, null);
        }
    }

    private async Task<(HostStatus Status, NpgsqlLogSequenceNumber? ReceiveLsn)> ProbeAsync(DatabaseHost host, long started, CancellationToken cancellationToken)
    {
        await using var connection = await host.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var inRecovery = reader.GetBoolean(0);
        NpgsqlLogSequenceNumber? lsn = reader.IsDBNull(1) ? null : reader.GetFieldValue<NpgsqlLogSequenceNumber>(1);
        NpgsqlLogSequenceNumber? receive = reader.IsDBNull(2) ? null : reader.GetFieldValue<NpgsqlLogSequenceNumber>(2);
        double? lag = reader.IsDBNull(3) ? null : Math.Max(0, reader.GetDouble(3));
        var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
        return (new HostStatus(host, Checked: true, Reachable: true, inRecovery, lsn, LagBytes: 0, lag, elapsed, _time.GetUtcNow(), Error: null), receive);
    }

    /// <summary>Bytes behind the primary; a replica that never streamed is only on time if it reached the primary's position.</summary>
    private static HostStatus WithLag((HostStatus Status, NpgsqlLogSequenceNumber? ReceiveLsn) replica, HostStatus primary)
    {
        var status = replica.Status;
        if (!status.Reachable || !status.InRecovery || status.Lsn is not { } replayed)
        {
            return status;
        }

        var reference = primary.Reachable && primary.Lsn is { } current ? current : replica.ReceiveLsn;
        var bytes = reference is { } r && (ulong)r > (ulong)replayed ? (long)((ulong)r - (ulong)replayed) : 0;
        if (replica.ReceiveLsn is null)
        {
            return status with { LagBytes = bytes, LagSeconds = bytes == 0 && primary.Reachable ? 0 : null };
        }

        return status with { LagBytes = bytes };
    }

    private static HostStatus Smooth(HostStatus previous, HostStatus next) =>
        next.Reachable && previous.Reachable && previous.LatencyMs > 0
            ? next with { LatencyMs = (previous.LatencyMs * 0.7) + (next.LatencyMs * 0.3) }
            : next;

    private static int IndexOf(TopologySnapshot snapshot, DatabaseHost host)
    {
        for (var i = 0; i < snapshot.Replicas.Length; i++)
        {
            if (ReferenceEquals(snapshot.Replicas[i].Host, host))
            {
                return i;
            }
        }

        return -1;
    }

    private void LogChanges(TopologySnapshot previous, TopologySnapshot next)
    {
        var budget = _options.MaxLagSeconds;
        Log(previous.Primary, next.Primary);
        for (var i = 0; i < next.Replicas.Length; i++)
        {
            Log(previous.Replicas[i], next.Replicas[i]);
        }

        void Log(HostStatus before, HostStatus after)
        {
            if (after.Reachable && !before.Reachable)
            {
                LogReachable(_logger, after.Host.Name, after.Host.Endpoint, after.InRecovery ? "replica" : "primary");
            }
            else if (!after.Reachable && (before.Reachable || !before.Checked))
            {
                LogUnreachable(_logger, after.Host.Name, after.Host.Endpoint, after.Error ?? "unknown");
            }
            else if (after.Reachable && before.Reachable && after.InRecovery != before.InRecovery)
            {
                LogRoleChanged(_logger, after.Host.Name, after.InRecovery ? "replica" : "primary");
            }
            else if (after.Reachable && after.InRecovery && before.CanServe(budget, null) && !after.CanServe(budget, null))
            {
                LogLagExceeded(_logger, after.Host.Name, after.LagSeconds ?? double.NaN, after.LagBytes, budget);
            }
        }
    }
}
