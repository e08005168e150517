namespace Pitchey.LoadTests.Harness.Thresholds;

/// <summary>What a threshold measures, and in which unit its limit is written.</summary>
internal enum ThresholdMetric
{
    P50,
    P90,
    P99,
    P999,
    Max,
    Mean,

    /// <summary>Errors: a share of sent requests with <c>%</c>, else a count.</summary>
    Errors,

    /// <summary>Achieved requests per second.</summary>
    Rps,

    /// <summary>Late requests: a share with <c>%</c>, else a count.</summary>
    Late,

    /// <summary>Dropped requests (open model, target totals only): a share of due requests (sent + dropped) with <c>%</c>, else a count.</summary>
    Dropped,
}
