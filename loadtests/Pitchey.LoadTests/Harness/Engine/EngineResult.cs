using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>What the engine measured, before it becomes a report.</summary>
/// <param name="Plan">What was run.</param>
/// <param name="WindowSeconds">Length of the measured window as it ended (shorter when cut).</param>
/// <param name="EndedBy">One of <see cref="EndReasons"/>.</param>
/// <param name="Series">Totals per series (target × label), in <see cref="EnginePlan.Series"/> order.</param>
/// <param name="SeriesTimeline">Per series, one point per second.</param>
/// <param name="TargetTimeline">Per target (its labels together), one point per second.</param>
/// <param name="Dropped">Per target, open-model requests due inside the window but never sent.</param>
/// <param name="ActiveSeconds">Per target, how long it held the turn inside the window.</param>
/// <param name="Connects">Per target, connections opened (reconnects after close or error included).</param>
/// <param name="AllSent">Requests sent in every phase, warm-up included.</param>
internal sealed record EngineResult(
    EnginePlan Plan,
    double WindowSeconds,
    string EndedBy,
    IReadOnlyList<SeriesCells> Series,
    IReadOnlyList<IReadOnlyList<TimelinePoint>> SeriesTimeline,
    IReadOnlyList<IReadOnlyList<TimelinePoint>> TargetTimeline,
    IReadOnlyList<long> Dropped,
    IReadOnlyList<double> ActiveSeconds,
    IReadOnlyList<long> Connects,
    long AllSent);
