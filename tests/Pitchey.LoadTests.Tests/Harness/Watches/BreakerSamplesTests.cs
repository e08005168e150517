using Pitchey.LoadTests.Harness.Watches;

namespace Pitchey.LoadTests.Tests.Harness.Watches;

/// <summary>Which pairs of stand-in reads count as "while open": rejections between them and no other answer around them.</summary>
public sealed class BreakerSamplesTests
{
    [Fact]
    public void WhileOpen_PureRejectionsBetweenReads_TheStandInsGrowthThere()
    {
        BreakerSamples.Sample[] samples =
        [
            new(0, 10, 100, 0, 10),
            new(0, 10, 100, 0, 10), // from here on only rejections
            new(5, 10, 100, 5, 10),
            new(9, 10, 101, 9, 10), // one request reached the stand-in while open
            new(12, 10, 101, 12, 10),
            new(12, 14, 105, 12, 15), // other answers again
        ];

        var (growth, intervals, rejections) = BreakerSamples.WhileOpen(samples);

        Assert.Equal(2, intervals);
        Assert.Equal(1, growth);
        Assert.Equal(9, rejections);
    }

    [Fact]
    public void WhileOpen_UnreadCountOrOtherAnswers_NotCounted()
    {
        BreakerSamples.Sample[] samples =
        [
            new(0, 0, 1, 0, 0),
            new(0, 0, null, 0, 0),
            new(4, 0, 3, 4, 0),
            new(8, 1, 9, 8, 1),
        ];

        Assert.Equal((0L, 0, 0L), BreakerSamples.WhileOpen(samples));
    }
}
