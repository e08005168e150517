namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// The figures of one target, or of one request label on one target, over the measured window. A
/// request belongs to the window when it was due in it (open model) or sent in it (closed).
/// <c>Ok + Errors.Total == Sent</c>; a target's labels add up to its total (except
/// <see cref="Dropped"/>, which has no label: a request never sent was never drawn).
/// </summary>
/// <param name="Label">The request label; null for a target's total.</param>
/// <param name="Sent">Requests of the window, each ended ok or with an error.</param>
/// <param name="Ok">2xx and 3xx responses.</param>
/// <param name="Errors">Errors by kind.</param>
/// <param name="ErrorPercent">Errors as a share of <see cref="Sent"/>, 0..100 (0 when nothing was sent).</param>
/// <param name="Statuses">Responses per status code, errors included ("200": n).</param>
/// <param name="Late">Sent more than 1 ms after their due time (open model; always 0 closed).</param>
/// <param name="Dropped">Due inside the window but never sent (open model, target totals only; null otherwise).</param>
/// <param name="TargetRate">Requests per second asked for while this target held the turn; null in the closed model.</param>
/// <param name="AchievedRate">Requests per second achieved: <see cref="Sent"/> / <see cref="ActiveSeconds"/>.</param>
/// <param name="ActiveSeconds">How long this target held the turn inside the window (the whole window without --compare).</param>
/// <param name="Corrected">Latency from the due time (the figure thresholds judge).</param>
/// <param name="Uncorrected">Latency from the send time.</param>
/// <param name="SendLag">Send time minus due time: the harness's own lateness (open model; null closed).</param>
/// <param name="Timeline">One point per second of completion.</param>
internal sealed record SeriesReport(
    string? Label,
    long Sent,
    long Ok,
    ErrorsReport Errors,
    double ErrorPercent,
    IReadOnlyDictionary<string, long> Statuses,
    long Late,
    long? Dropped,
    double? TargetRate,
    double AchievedRate,
    double ActiveSeconds,
    LatencyReport Corrected,
    LatencyReport Uncorrected,
    LatencyReport? SendLag,
    IReadOnlyList<TimelinePoint> Timeline);
