using Microsoft.Extensions.Options;
using Pitchey.Database.Insight;
using Pitchey.Database.Routing;
using Pitchey.Gateway.HealthProbes;
using Pitchey.Gateway.Resilience;
using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.Alerts;

/// <summary>
/// Evaluates every enabled rule once per <c>Alerts:EvaluationInterval</c> in the background: one
/// observation (<see cref="AlertInputs"/>), each rule's signals (<see cref="AlertConditions"/>), the
/// book's decisions (<see cref="AlertBook"/>); each notice goes to the log and to its webhooks
/// (<see cref="WebhookSender"/>). A rule that throws loses that evaluation, nothing more.
/// </summary>
internal sealed partial class AlertEvaluator : BackgroundService
{
    private readonly AlertOptions _options;
    private readonly AlertInputs _inputs;
    private readonly AlertBook _book;
    private readonly AlertHistory _history;
    private readonly WebhookSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertEvaluator> _logger;
    private readonly Lock _gate = new();
    private long _evaluations;
    private long _sequence;

    public AlertEvaluator(
        IOptions<AlertOptions> options,
        IOptions<HealthProbeOptions> probeOptions,
        IOptions<DatabaseRoutingOptions> routingOptions,
        MetricsTap tap,
        BreakerRegistry breakers,
        ProbeCache probes,
        InsightMonitor insight,
        AlertBook book,
        AlertHistory history,
        WebhookSender sender,
        AlertMetrics metrics,
        TimeProvider time,
        ILogger<AlertEvaluator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(probeOptions);
        ArgumentNullException.ThrowIfNull(routingOptions);
        ArgumentNullException.ThrowIfNull(metrics);
        _options = options.Value;
        var probe = probeOptions.Value;
        Rules = [.. _options.Rules
            .Where(r => r.Value.Enabled && r.Value.KindValue is not null)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new AlertRule(r.Key, r.Value.KindValue!.Value, r.Value.Threshold ?? DefaultThreshold(r.Value.KindValue!.Value, probe, routingOptions.Value), r.Value))];
        var longest = Rules.Select(r => r.Settings.Window).DefaultIfEmpty(AlertConstants.DefaultWindow).Max();
        _inputs = new AlertInputs(tap, breakers, probes, insight, time, longest + _options.EvaluationInterval);
        _book = book;
        _history = history;
        _sender = sender;
        _time = time;
        _logger = logger;
        metrics.Observe(book, [.. Rules.Select(r => r.Name)]);
    }

    public IReadOnlyList<AlertRule> Rules { get; }

    /// <summary>Evaluations so far (tests wait on it instead of on the clock).</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    public TimeSpan Interval => _options.EvaluationInterval;

    /// <summary>One evaluation of every rule; the loop calls it.</summary>
    public void EvaluateNow()
    {
        lock (_gate)
        {
            var observation = _inputs.Observe();
            foreach (var rule in Rules)
            {
                IReadOnlyList<AlertSignal> signals;
                try
                {
                    signals = AlertConditions.Evaluate(rule, observation);
                }
#pragma warning disable CA1031 // one faulty rule must not stop the others, nor the loop
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    LogConditionFailed(_logger, rule.Name, exception.GetType().Name);
                    continue;
                }

                foreach (var (alert, status) in _book.Apply(rule, signals, observation.At))
                {
                    Notify(alert, status);
                }
            }

            Interlocked.Increment(ref _evaluations);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogConfigured(_logger, Rules.Count, _sender.Targets.Count(), string.Join(", ", _sender.Targets.Select(t => $"{t.Name} ({t.Origin})")));
        if (Rules.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.EvaluationInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            EvaluateNow();
        }
    }

    private static double? DefaultThreshold(AlertKind kind, HealthProbeOptions probe, DatabaseRoutingOptions routing) => kind switch
    {
        AlertKind.QueryLatency => AlertConstants.DefaultQueryLatencyMs,
        AlertKind.ErrorRate => AlertConstants.DefaultErrorRate,
        AlertKind.PoolSaturation => AlertConstants.DefaultPoolSaturation,
        AlertKind.ReplicaLag => routing.MaxLagSeconds,
        AlertKind.ProbeRefresh => (probe.CacheTtl + probe.RunTimeout).TotalSeconds,
        _ => null,
    };

    private void Notify(AlertView alert, string status)
    {
        var rule = alert.Rule;
        var notified = status is "firing" or "resolved";
        var notice = new AlertNotification(
            alert.Key, rule.Name, rule.KindWord, rule.Settings.Severity, status is "firing" or "suppressed" ? "firing" : "resolved",
            alert.Subject, alert.Summary, alert.Value, rule.Threshold, alert.FiringSince ?? alert.PendingSince, alert.EndedAt,
            _time.GetUtcNow(), Interlocked.Increment(ref _sequence), Environment.MachineName);
        switch (status)
        {
            case "firing":
                LogFiring(_logger, rule.Name, alert.Subject, rule.Settings.Severity, alert.Summary);
                break;
            case "resolved":
                LogResolved(_logger, rule.Name, alert.Subject, alert.Summary);
                break;
            default:
                LogSuppressed(_logger, rule.Name, alert.Subject, notice.Status, rule.Settings.Cooldown);
                break;
        }

        var deliveries = notified ? _sender.Enqueue(notice, rule.Settings.Webhooks) : new Dictionary<string, AlertDelivery>();
        _history.Add(new AlertRecord(notice, notified, deliveries));
    }
}
