using HdrHistogram;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// What one stripe of the recorder holds for one series (a target and a request label): totals over
/// the measured window, and the per-second figures the ticker takes away each second. Written under
/// the stripe's lock only.
/// </summary>
internal sealed class SeriesCells
{
    public LongHistogram Corrected { get; } = LatencyHistograms.Total();

    public LongHistogram Uncorrected { get; } = LatencyHistograms.Total();

    /// <summary>Send time minus due time (open model): the harness's own lateness.</summary>
    public LongHistogram SendLag { get; } = LatencyHistograms.Total();

    public long Sent { get; set; }

    public long Ok { get; set; }

    public long Late { get; set; }

    public long[] Errors { get; } = new long[Enum.GetValues<ErrorKind>().Length];

    /// <summary>Responses per status code (index = code, 100..599).</summary>
    public long[] Statuses { get; } = new long[600];

    /// <summary>This second's measured-window requests (for the report's timeline).</summary>
    public SecondCells Window { get; set; } = new();

    /// <summary>This second's requests of any phase, warm-up included (for the live display).</summary>
    public SecondCells Live { get; set; } = new();

    /// <summary>Adds <paramref name="other"/>'s totals (not its current second) to these.</summary>
    public void Add(SeriesCells other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Corrected.Add(other.Corrected);
        Uncorrected.Add(other.Uncorrected);
        SendLag.Add(other.SendLag);
        Sent += other.Sent;
        Ok += other.Ok;
        Late += other.Late;
        for (var i = 0; i < Errors.Length; i++)
        {
            Errors[i] += other.Errors[i];
        }

        for (var i = 0; i < Statuses.Length; i++)
        {
            Statuses[i] += other.Statuses[i];
        }
    }
}
