using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>
/// Holds the last health report, pre-rendered, and refreshes it single-flight: however many
/// callers ask at once, at most one run of the checks is in progress. Probes only ever read
/// <see cref="Current"/>; they never wait for a run.
/// </summary>
internal sealed partial class ProbeCache(
    ProbeRunner runner,
    IOptions<HealthProbeOptions> options,
    HealthRunMetrics runMetrics,
    TimeProvider time,
    ILogger<ProbeCache> logger)
{
    private readonly Lock _gate = new();
    private readonly ProbeMetricsWindow _window = new();
    private volatile ProbeSnapshot? _current;
    private Task<ProbeSnapshot>? _inFlight;
    private long _runs;
    private long _lastCompleteTicks = -1;

    /// <summary>The last published report, or null before the first run finished.</summary>
    public ProbeSnapshot? Current => _current;

    /// <summary>
    /// When the last run in which every check finished within the run timeout was published, or null
    /// before one has. A frozen database keeps publishing reports (each check timed out), so the age of
    /// <see cref="Current"/> alone cannot tell a refresh that works from one that keeps giving up.
    /// </summary>
    public DateTimeOffset? LastCompleteAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastCompleteTicks);
            return ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>How many runs have started since the process began.</summary>
    public long RunCount => Interlocked.Read(ref _runs);

    /// <summary>
    /// The report to answer a probe with. When it is overdue (the refresher is late or stuck),
    /// a refresh is started in the background and the old report is served meanwhile.
    /// </summary>
    public ProbeSnapshot? GetForProbe()
    {
        var current = _current;
        if (current is null || IsStale(current, time.GetUtcNow()))
        {
            _ = RefreshAsync();
        }

        return current;
    }

    /// <summary>True when the report is older than TTL plus the run timeout: a refresh is overdue.</summary>
    public bool IsStale(ProbeSnapshot snapshot, DateTimeOffset now)
    {
        var settings = options.Value;
        return now - snapshot.Report.CompletedAt > settings.CacheTtl + settings.RunTimeout;
    }

    /// <summary>Runs the checks unless a run is already in progress, in which case it joins that run.</summary>
    public Task<ProbeSnapshot> RefreshAsync()
    {
        lock (_gate)
        {
            if (_inFlight is { IsCompleted: false } running)
            {
                return running;
            }

            _inFlight = RunAndPublishAsync();
            return _inFlight;
        }
    }

    private async Task<ProbeSnapshot> RunAndPublishAsync()
    {
        // Leave the lock before doing any work.
        await Task.Yield();
        var sequence = Interlocked.Increment(ref _runs);
        var started = Stopwatch.GetTimestamp();
        var entries = await runner.RunAsync();
        var duration = Stopwatch.GetElapsedTime(started);

        var status = entries.Count == 0 ? HealthStatus.Healthy : entries.Min(e => e.Status);
        var metrics = _window.Add(status, duration, entries, options.Value.MetricsWindow);
        var report = new ProbeReport(sequence, status, time.GetUtcNow(), duration, entries, metrics);
        var snapshot = ProbeSnapshot.Render(report);

        var previous = _current;
        _current = snapshot;
        if (!entries.Any(e => e.TimedOut))
        {
            Interlocked.Exchange(ref _lastCompleteTicks, report.CompletedAt.UtcTicks);
        }

        runMetrics.RunCompleted(ProbeJson.StatusWord(status), duration);
        LogRunCompleted(logger, sequence, ProbeJson.StatusWord(status), (long)duration.TotalMilliseconds);
        if (previous is not null && previous.Report.Status != status)
        {
            LogStatusChanged(logger, ProbeJson.StatusWord(previous.Report.Status), ProbeJson.StatusWord(status));
        }

        return snapshot;
    }

    [LoggerMessage(EventId = EventIds.HealthRunCompleted, EventName = nameof(EventIds.HealthRunCompleted), Level = LogLevel.Debug,
        Message = "Health run {Sequence} finished {Status} in {DurationMs} ms")]
    private static partial void LogRunCompleted(ILogger logger, long sequence, string status, long durationMs);

    [LoggerMessage(EventId = EventIds.HealthStatusChanged, EventName = nameof(EventIds.HealthStatusChanged), Level = LogLevel.Warning,
        Message = "Health changed from {PreviousStatus} to {Status}")]
    private static partial void LogStatusChanged(ILogger logger, string previousStatus, string status);
}
