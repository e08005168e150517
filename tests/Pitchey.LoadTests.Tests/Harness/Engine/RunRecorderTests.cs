using Pitchey.LoadTests.Harness.Engine;

namespace Pitchey.LoadTests.Tests.Harness.Engine;

/// <summary>What the recorder counts where: totals only inside the window, seconds cut away whole, errors by kind, statuses.</summary>
public sealed class RunRecorderTests
{
    private static readonly long Ms = EngineTime.TicksPerSecond / 1000;

    [Fact]
    public void Record_OutsideTheWindow_OnlyInTheLiveSecond()
    {
        var recorder = new RunRecorder(series: 2, stripes: 2, lateTolerance: Ms);

        recorder.Record(0, 1, inWindow: false, 0, 0, Ms, new RequestOutcome(200, ErrorKind.None));
        recorder.Record(1, 1, inWindow: true, 0, 3 * Ms, 4 * Ms, new RequestOutcome(503, ErrorKind.None));
        recorder.Record(1, 0, inWindow: true, 0, 0, Ms, RequestOutcome.Failed(ErrorKind.Reset));

        var (window, live) = recorder.CutSecond();
        Assert.Equal([1, 1], window.Select(cells => cells.Completed));
        Assert.Equal([1, 2], live.Select(cells => cells.Completed));
        var totals = recorder.Totals();
        Assert.Equal(1, totals[1].Sent);
        Assert.Equal(0, totals[1].Ok);
        Assert.Equal(1, totals[1].Errors[(int)ErrorKind.Status]);
        Assert.Equal(1, totals[1].Statuses[503]);
        Assert.Equal(1, totals[1].Late); // sent 3 ms after it was due
        Assert.Equal(1, totals[0].Errors[(int)ErrorKind.Reset]);
        Assert.Equal(0, totals[0].Statuses.Sum());
    }

    [Fact]
    public void CutSecond_TakesWhatWasRecordedSinceTheLastCut()
    {
        var recorder = new RunRecorder(series: 1, stripes: 3, lateTolerance: Ms);
        for (var i = 0; i < 10; i++)
        {
            recorder.Record(i % 3, 0, inWindow: true, 0, 0, Ms, new RequestOutcome(200, ErrorKind.None));
        }

        Assert.Equal(10, recorder.CutSecond().Window[0].Completed);
        recorder.Record(0, 0, inWindow: true, 0, 0, 2 * Ms, RequestOutcome.Failed(ErrorKind.Timeout));
        var second = recorder.CutSecond().Window[0];

        Assert.Equal(1, second.Completed);
        Assert.Equal(1, second.Errors);
        Assert.Equal(11, recorder.Totals()[0].Sent);
        Assert.Equal(0, recorder.CutSecond().Window[0].Completed);
    }
}
