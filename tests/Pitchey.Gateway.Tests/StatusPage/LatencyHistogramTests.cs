using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.Tests.StatusPage;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void TakeInterval_NothingRecorded_CountsZero_AndHasNoPercentiles()
    {
        var interval = new LatencyHistogram().TakeInterval(LatencyHistogram.NewCursor());

        Assert.Equal(new LatencyInterval(0, null, null, null), interval);
    }

    [Fact]
    public void TakeInterval_PercentilesFallInTheBucketsOfWhatWasRecorded()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 90; i++)
        {
            histogram.RecordSeconds(0.002); // 2 ms
        }

        for (var i = 0; i < 10; i++)
        {
            histogram.RecordSeconds(0.2); // 200 ms
        }

        var interval = histogram.TakeInterval(LatencyHistogram.NewCursor());

        Assert.Equal(100, interval.Count);
        Assert.InRange(interval.P50Ms!.Value, 2 / 1.35, 2 * 1.35);
        Assert.InRange(interval.P95Ms!.Value, 200 / 1.35, 200 * 1.35);
        Assert.InRange(interval.P99Ms!.Value, 200 / 1.35, 200 * 1.35);
    }

    [Fact]
    public void TakeInterval_CountsOnlyWhatCameSinceTheCursor_AndMovesIt()
    {
        var histogram = new LatencyHistogram();
        var cursor = LatencyHistogram.NewCursor();
        histogram.RecordSeconds(0.01);
        histogram.RecordSeconds(0.01);
        Assert.Equal(2, histogram.TakeInterval(cursor).Count);

        histogram.RecordSeconds(5);

        var second = histogram.TakeInterval(cursor);
        Assert.Equal(1, second.Count);
        Assert.InRange(second.P50Ms!.Value, 5000 / 1.35, 5000 * 1.35);
        Assert.Equal(0, histogram.TakeInterval(cursor).Count);
    }

    [Fact]
    public void RecordSeconds_BeyondTheLastBound_LandsInTheOverflowBucket()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordSeconds(3600);

        var interval = histogram.TakeInterval(LatencyHistogram.NewCursor());

        Assert.Equal(1, interval.Count);
        Assert.True(interval.P99Ms >= LatencyHistogram.BoundsMs[^1]);
    }
}
