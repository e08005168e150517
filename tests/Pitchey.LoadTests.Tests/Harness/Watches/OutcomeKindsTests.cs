using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Watches;

namespace Pitchey.LoadTests.Tests.Harness.Watches;

/// <summary>How the scenarios' own figures tell outcomes apart, and count them per second.</summary>
public sealed class OutcomeKindsTests
{
    [Fact]
    public void Name_EachKind_TheReportsWords()
    {
        Assert.Equal("ok", OutcomeKinds.Name(OutcomeKinds.Key(new RequestOutcome(200, ErrorKind.None))));
        Assert.Equal("refused", OutcomeKinds.Name(OutcomeKinds.Key(RequestOutcome.Failed(ErrorKind.Refused))));
        Assert.Equal("reset/closed", OutcomeKinds.Name(OutcomeKinds.Key(RequestOutcome.Failed(ErrorKind.Reset))));
        Assert.Equal("timeout", OutcomeKinds.Name(OutcomeKinds.Key(RequestOutcome.Failed(ErrorKind.Timeout))));
        Assert.Equal("status 503", OutcomeKinds.Name(OutcomeKinds.Key(new RequestOutcome(503, ErrorKind.None))));
        Assert.Equal("status 503 with Retry-After", OutcomeKinds.Name(OutcomeKinds.Key(new RequestOutcome(503, ErrorKind.None, RetryAfter: true))));
    }

    [Fact]
    public void IsRejection_Only503WithRetryAfter()
    {
        Assert.True(OutcomeKinds.IsRejection(new RequestOutcome(503, ErrorKind.None, RetryAfter: true)));
        Assert.False(OutcomeKinds.IsRejection(new RequestOutcome(503, ErrorKind.None)));
        Assert.False(OutcomeKinds.IsRejection(new RequestOutcome(429, ErrorKind.None, RetryAfter: true)));
    }

    [Fact]
    public void Series_KindsOverSeconds_ZerosFilledAndAddingUp()
    {
        var timeline = new KindTimeline();
        timeline.Add(0, new RequestOutcome(200, ErrorKind.None));
        timeline.Add(2, new RequestOutcome(200, ErrorKind.None));
        timeline.Add(2, RequestOutcome.Failed(ErrorKind.Refused));
        timeline.Add(-1, RequestOutcome.Failed(ErrorKind.Refused));

        var series = timeline.Series();

        Assert.Equal(["ok", "refused"], series.Select(s => s.Name));
        Assert.Equal([1.0, 0, 1], series[0].Points.Select(point => point.Value));
        Assert.Equal([0.0, 0, 1], series[1].Points.Select(point => point.Value));
        Assert.Equal([0.0, 1, 2], series[1].Points.Select(point => point.AtSeconds));
    }
}
