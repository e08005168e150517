using Pitchey.Migrations.Running;

namespace Pitchey.Migrations.Tests.Running;

public sealed class LockBackoffTests
{
    private static readonly MigrationOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(500),
        RetryMaxDelay = TimeSpan.FromSeconds(30),
    };

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(4, 4000)]
    [InlineData(7, 30000)]
    [InlineData(60, 30000)]
    public void Delay_DoublesPerAttemptUpToTheCap(int attempt, int fullMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(fullMs), LockBackoff.Delay(attempt, Options, unitRandom: 1));
        Assert.Equal(TimeSpan.FromMilliseconds(fullMs / 2.0), LockBackoff.Delay(attempt, Options, unitRandom: 0));
    }

    [Fact]
    public void Delay_JitterStaysWithinHalfToFull()
    {
        var delays = Enumerable.Range(0, 11).Select(i => LockBackoff.Delay(3, Options, i / 10.0)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
        Assert.Equal(11, delays.Distinct().Count());
    }
}
