using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// Outcomes by kind (<see cref="OutcomeKinds"/>) per second of completion inside the measured window:
/// failover's and the breaker's "errors by kind over time". One series per kind seen, a point for
/// every second from 0 to the last (zeros included), so that series line up. Over all kinds the
/// points add up to the window's requests.
/// </summary>
internal sealed class KindTimeline
{
    private readonly Lock _lock = new();
    private readonly List<Dictionary<int, long>> _seconds = [];

    /// <param name="second">Seconds since the window started, by completion; negative ones are ignored.</param>
    public void Add(int second, RequestOutcome outcome)
    {
        if (second < 0)
        {
            return;
        }

        var key = OutcomeKinds.Key(outcome);
        lock (_lock)
        {
            while (_seconds.Count <= second)
            {
                _seconds.Add([]);
            }

            var counts = _seconds[second];
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>One series per kind ("ok" first, then the errors), unit "count" per second.</summary>
    public IReadOnlyList<FigureSeries> Series()
    {
        lock (_lock)
        {
            var keys = _seconds.SelectMany(counts => counts.Keys).Distinct().Order().ToList();
            return [.. keys.Select(key => new FigureSeries(
                OutcomeKinds.Name(key),
                "count",
                [.. _seconds.Select((counts, second) => new FigurePoint(second, counts.GetValueOrDefault(key)))]))];
        }
    }
}
