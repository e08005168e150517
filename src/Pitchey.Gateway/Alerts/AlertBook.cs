namespace Pitchey.Gateway.Alerts;

/// <summary>
/// The alerts' states and the one place that decides what is notified. Per alert (<c>rule|subject</c>):
/// a condition that holds for the rule's <c>For</c> fires; firing is notified once (de-duplicated:
/// an alert that stays active sends nothing more), unless the same alert's last firing notice is
/// younger than its <c>Cooldown</c> (a flapping alert), in which case it fires silently; when the
/// condition stops holding (or its subject disappears) it resolves, and "resolved" is notified only
/// when "firing" was. Applied by the evaluator; read (as copies) by the endpoint and the metrics.
/// </summary>
internal sealed class AlertBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AlertState> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastFiringNotice = new(StringComparer.Ordinal);

    public static string KeyOf(string rule, string subject) => $"{rule}|{subject}";

    /// <summary>Pending and firing alerts, as they are now (copies).</summary>
    public IReadOnlyList<AlertView> Active
    {
        get
        {
            lock (_gate)
            {
                return [.. _active.Values.Select(AlertView.Of)];
            }
        }
    }

    /// <summary>
    /// Applies one evaluation of <paramref name="rule"/>: <paramref name="signals"/> are what it saw
    /// (subjects it did not see count as inactive). Returns the notices to send, in order.
    /// </summary>
    public IReadOnlyList<(AlertView Alert, string Status)> Apply(AlertRule rule, IReadOnlyList<AlertSignal> signals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(signals);
        lock (_gate)
        {
            return ApplyLocked(rule, signals, now);
        }
    }

    private List<(AlertView, string)> ApplyLocked(AlertRule rule, IReadOnlyList<AlertSignal> signals, DateTimeOffset now)
    {
        var notices = new List<(AlertView, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signal in signals.Where(s => s.Active))
        {
            var key = KeyOf(rule.Name, signal.Subject);
            seen.Add(key);
            if (!_active.TryGetValue(key, out var state))
            {
                _active[key] = state = new AlertState(rule, signal.Subject, now);
            }

            state.Value = signal.Value;
            state.Summary = signal.Summary;
            if (state.FiringSince is null && now - state.PendingSince >= rule.Settings.For)
            {
                state.FiringSince = now;
                state.Notified = !_lastFiringNotice.TryGetValue(key, out var last) || now - last >= rule.Settings.Cooldown;
                if (state.Notified)
                {
                    _lastFiringNotice[key] = now;
                }

                notices.Add((AlertView.Of(state), state.Notified ? "firing" : "suppressed"));
            }
        }

        foreach (var state in _active.Values.Where(s => s.Rule.Name == rule.Name && !seen.Contains(s.Key)).ToArray())
        {
            _active.Remove(state.Key);
            if (state.FiringSince is not null)
            {
                state.Summary = signals.FirstOrDefault(s => s.Subject == state.Subject)?.Summary ?? state.Summary;
                notices.Add((AlertView.Of(state) with { EndedAt = now }, state.Notified ? "resolved" : "resolved-silently"));
            }
        }

        // Cooldown marks older than any cooldown can matter are forgotten, so the book stays small.
        foreach (var key in _lastFiringNotice.Where(p => now - p.Value > AlertConstants.MaxCooldown).Select(p => p.Key).ToArray())
        {
            _lastFiringNotice.Remove(key);
        }

        return notices;
    }
}
