using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Insight;

/// <summary>
/// Reads every host's workload and the primary's catalog once per <see cref="InsightOptions.Interval"/>,
/// in the background (never on a request), draws the recommendations and publishes the result as
/// one immutable <see cref="InsightReport"/>. A host that cannot be read is reported as such and
/// the round goes on with the others; rounds never overlap.
/// </summary>
public sealed partial class InsightMonitor : BackgroundService
{
    private readonly DatabaseHosts _hosts;
    private readonly InsightOptions _options;
    private readonly TimeProvider _time;
    private readonly InsightMetrics _metrics;
    private readonly ILogger<InsightMonitor> _logger;
    private readonly SemaphoreSlim _round = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _unreadable = new(StringComparer.Ordinal);
    private InsightReport? _current;
    private long _sequence;

    internal InsightMonitor(DatabaseHosts hosts, IOptions<InsightOptions> options, TimeProvider time, InsightMetrics metrics, ILogger<InsightMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hosts = hosts;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        metrics.Observe(this);
    }

    /// <summary>The last round's report; null before the first round finished, or with the insight off.</summary>
    public InsightReport? Current => Volatile.Read(ref _current);

    public InsightOptions Options => _options;

    /// <summary>Runs a round now (waiting for one in progress first) and returns its report; the loop calls it, and tests do.</summary>
    public async Task<InsightReport> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var hosts = await Task.WhenAll(_hosts.Replicas.Prepend(_hosts.Primary).Select(host => ReadHostAsync(host, now, cancellationToken)));
            CatalogFacts? catalog = null;
            string? catalogError = null;
            if (hosts[0].Reachable)
            {
                (catalog, catalogError) = await ReadCatalogAsync(cancellationToken);
            }

            var snapshot = new WorkloadSnapshot(now, hosts[0], hosts[1..], catalog, catalogError);
            var (recommendations, notes) = RecommendationEngine.Evaluate(snapshot, _options);
            var report = new InsightReport(Interlocked.Increment(ref _sequence), snapshot, recommendations, notes);
            Announce(Current, report);
            Volatile.Write(ref _current, report);
            return report;
        }
        finally
        {
            _round.Release();
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.Interval, _time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<HostWorkload> ReadHostAsync(DatabaseHost host, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Opening a connection and five short reads: a host that takes longer is as good as unreadable this round.
        bounded.CancelAfter(_options.QueryTimeout * 4);
        try
        {
            var workload = await WorkloadReader.ReadAsync(host, _options, bounded.Token);
            _metrics.Round(host.Name, ok: true);
            if (_unreadable.TryRemove(host.Name, out _))
            {
                LogHostReadable(_logger, host.Name);
            }

            return workload;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            var reason = bounded.IsCancellationRequested ? "database did not answer in time" : DatabaseErrors.Describe(exception);
            _metrics.Round(host.Name, ok: false);
            if (_unreadable.TryAdd(host.Name, true))
            {
                LogHostUnreadable(_logger, host.Name, reason);
            }

            return HostWorkload.Failed(host.Name, host.Endpoint, reason, now);
        }
    }

    private async Task<(CatalogFacts?, string?)> ReadCatalogAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(_options.QueryTimeout * 4);
        try
        {
            await using var connection = await _hosts.Primary.DataSource.OpenConnectionAsync(bounded.Token);
            return (await CatalogReader.ReadAsync(connection, _options, bounded.Token), null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            var reason = bounded.IsCancellationRequested ? "database did not answer in time" : DatabaseErrors.Describe(exception);
            LogCatalogUnreadable(_logger, reason);
            return (null, reason);
        }
    }

    /// <summary>Logs the recommendations that are new since the last round (ids name indexes, tables, sessions: no values).</summary>
    private void Announce(InsightReport? previous, InsightReport report)
    {
        var before = previous?.Recommendations.Select(r => r.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var added = report.Recommendations.Where(r => !before.Contains(r.Id)).Select(r => r.Id).ToArray();
        if (added.Length > 0)
        {
            LogRecommendations(_logger, report.Recommendations.Count, string.Join(", ", added));
        }
    }

    [LoggerMessage(EventId = Diagnostics.EventIds.InsightHostUnreadable, EventName = nameof(Diagnostics.EventIds.InsightHostUnreadable), Level = LogLevel.Warning,
        Message = "Database insight could not read {Host} ({Reason}); its figures are missing until it answers")]
    private static partial void LogHostUnreadable(ILogger logger, string host, string reason);

    [LoggerMessage(EventId = Diagnostics.EventIds.InsightHostReadable, EventName = nameof(Diagnostics.EventIds.InsightHostReadable), Level = LogLevel.Information,
        Message = "Database insight reads {Host} again")]
    private static partial void LogHostReadable(ILogger logger, string host);

    [LoggerMessage(EventId = Diagnostics.EventIds.InsightCatalogUnreadable, EventName = nameof(Diagnostics.EventIds.InsightCatalogUnreadable), Level = LogLevel.Warning,
        Message = "Database insight could not read the primary's catalog ({Reason}); index advice is missing this round")]
    private static partial void LogCatalogUnreadable(ILogger logger, string reason);

    [LoggerMessage(EventId = Diagnostics.EventIds.InsightRecommendations, EventName = nameof(Diagnostics.EventIds.InsightRecommendations), Level = LogLevel.Information,
        Message = "Database insight: {Count} recommendations; new: {Added}")]
    private static partial void LogRecommendations(ILogger logger, int count, string added);
}
