using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.Tests.Throttling;

public sealed class ImpactLimitsTests
{
    private static readonly ImpactSample Busy = new(
        [new ReplicaFigure("replica 1", TimeSpan.FromSeconds(3), 100), new ReplicaFigure("replica 2 (walreceiver)", TimeSpan.FromSeconds(40), 5_000_000)],
        ActiveSessions: 60, LockWaits: 9, ProbeLatency: TimeSpan.FromMilliseconds(900));

    [Fact]
    public void Throttling_Defaults_NameEveryFigureAboveItsLimit_WithItsKey()
    {
        var breaches = ImpactLimits.Throttling(Busy, new ThrottleOptions());

        Assert.Equal(
            [
                ("Migrations:Throttle:MaxReplicaLag", "replica 2 (walreceiver) lag 40 s > 10 s"),
                ("Migrations:Throttle:MaxActiveSessions", "60 active sessions > 25"),
                ("Migrations:Throttle:MaxLockWaits", "9 lock waits on the table > 5"),
                ("Migrations:Throttle:MaxProbeLatency", "probe 900 ms > 250 ms"),
            ],
            breaches.Select(b => (b.Key, b.Message)));
    }

    [Fact]
    public void Throttling_LimitsOff_NeverBreach()
    {
        var off = new ThrottleOptions { MaxReplicaLag = TimeSpan.Zero, MaxActiveSessions = 0, MaxLockWaits = 0, MaxProbeLatency = TimeSpan.Zero };

        Assert.Empty(ImpactLimits.Throttling(Busy, off));
    }

    [Fact]
    public void Throttling_FigureEqualToItsLimit_IsNotAbove()
    {
        var sample = new ImpactSample([new ReplicaFigure("replica 1", TimeSpan.FromSeconds(10), 0)], 25, 5, TimeSpan.FromMilliseconds(250));

        Assert.Empty(ImpactLimits.Throttling(sample, new ThrottleOptions()));
    }

    [Fact]
    public void Critical_OffByDefault_AndNamesTheCriticalKeysWhenSet()
    {
        Assert.Empty(ImpactLimits.Critical(Busy, new ThrottleOptions()));
        Assert.False(ImpactLimits.AnyCritical(new ThrottleOptions()));

        var options = new ThrottleOptions { CriticalReplicaLag = TimeSpan.FromSeconds(30), CriticalLockWaits = 8 };

        Assert.True(ImpactLimits.AnyCritical(options));
        Assert.Equal(
            ["Migrations:Throttle:CriticalReplicaLag: replica 2 (walreceiver) lag 40 s > 30 s", "Migrations:Throttle:CriticalLockWaits: 9 lock waits on the table > 8"],
            ImpactLimits.Critical(Busy, options).Select(b => $"{b.Key}: {b.Message}"));
    }
}
