namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// Sees every request the engine completes, beside the recorder: for the figures only a scenario
/// knows how to take (an open breaker's rejections and their latency, the first success after a
/// failover, the first and last part of a soak). Called on the thread that completed the request,
/// from many at once: keep it short, allocation-free and thread-safe. None is called on the fast
/// path of a run that has no observer.
/// </summary>
internal interface IRequestObserver
{
    /// <summary>One request ended. Times are <see cref="EngineTime"/> ticks; <paramref name="due"/> equals <paramref name="sent"/> in the closed model.</summary>
    /// <param name="series">Target × label, as <see cref="EnginePlan.Series"/>.</param>
    /// <param name="inWindow">It counts in the report (due, or sent, inside the measured window).</param>
    void Observe(int series, bool inWindow, long due, long sent, long done, RequestOutcome outcome);

    /// <summary>Once, after the last request and before the connections close: what became of them.</summary>
    void Finished(IReadOnlyList<ConnectionCensus> targets);
}
