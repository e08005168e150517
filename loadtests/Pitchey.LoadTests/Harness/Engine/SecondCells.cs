using HdrHistogram;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>One second's worth of completions: counts and the corrected latencies.</summary>
internal sealed class SecondCells
{
    public LongHistogram Corrected { get; } = LatencyHistograms.Interval();

    public LongHistogram Uncorrected { get; } = LatencyHistograms.Interval();

    public long Completed { get; set; }

    public long Ok { get; set; }

    public long Errors { get; set; }

    public void Add(SecondCells other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Corrected.Add(other.Corrected);
        Uncorrected.Add(other.Uncorrected);
        Completed += other.Completed;
        Ok += other.Ok;
        Errors += other.Errors;
    }

    public void Clear()
    {
        Corrected.Reset();
        Uncorrected.Reset();
        Completed = Ok = Errors = 0;
    }
}
