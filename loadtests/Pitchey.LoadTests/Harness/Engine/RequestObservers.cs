namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>The engine takes one observer: those of a scenario's figures, joined.</summary>
internal static class RequestObservers
{
    /// <summary>The observers among <paramref name="sources"/> as one; null when there is none (the engine then calls nothing).</summary>
    public static IRequestObserver? Of(IEnumerable<object> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var observers = sources.OfType<IRequestObserver>().ToArray();
        return observers.Length switch
        {
            0 => null,
            1 => observers[0],
            _ => new Joined(observers),
        };
    }

    private sealed class Joined(IRequestObserver[] observers) : IRequestObserver
    {
        public void Observe(int series, bool inWindow, long due, long sent, long done, RequestOutcome outcome)
        {
            foreach (var observer in observers)
            {
                observer.Observe(series, inWindow, due, sent, done, outcome);
            }
        }

        public void Finished(IReadOnlyList<ConnectionCensus> targets)
        {
            foreach (var observer in observers)
            {
                observer.Finished(targets);
            }
        }
    }
}
