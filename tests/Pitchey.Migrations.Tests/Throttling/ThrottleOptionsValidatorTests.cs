using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.Tests.Throttling;

public sealed class ThrottleOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new ThrottleOptionsValidator().Validate(null, new ThrottleOptions()).Succeeded);

    [Fact]
    public void Validate_EveryPropertyOutOfRange_NamesEachFullKeyWithItsBounds()
    {
        var options = new MigrationOptions
        {
            Throttle = new ThrottleOptions
            {
                SampleInterval = TimeSpan.FromMilliseconds(10),
                WaitBudget = TimeSpan.FromDays(2),
                MaxReplicaLag = TimeSpan.FromSeconds(-1),
                CriticalReplicaLag = TimeSpan.FromDays(2),
                MaxActiveSessions = -1,
                CriticalActiveSessions = 100_001,
                MaxLockWaits = 200_000,
                CriticalLockWaits = -5,
                MaxProbeLatency = TimeSpan.FromMinutes(2),
                CriticalProbeLatency = TimeSpan.FromMilliseconds(-1),
            },
        };

        var result = new MigrationOptionsValidator().Validate(null, options);

        Assert.Equal(
            "Migrations:Throttle:SampleInterval must be between 00:00:00.050 and 00:01:00.; "
            + "Migrations:Throttle:WaitBudget must be between 00:00:00 and 1.00:00:00.; "
            + "Migrations:Throttle:MaxReplicaLag must be between 00:00:00 and 1.00:00:00.; "
            + "Migrations:Throttle:CriticalReplicaLag must be between 00:00:00 and 1.00:00:00.; "
            + "Migrations:Throttle:MaxActiveSessions must be between 0 and 100000.; "
            + "Migrations:Throttle:CriticalActiveSessions must be between 0 and 100000.; "
            + "Migrations:Throttle:MaxLockWaits must be between 0 and 100000.; "
            + "Migrations:Throttle:CriticalLockWaits must be between 0 and 100000.; "
            + "Migrations:Throttle:MaxProbeLatency must be between 00:00:00 and 00:01:00.; "
            + "Migrations:Throttle:CriticalProbeLatency must be between 00:00:00 and 00:01:00.",
            result.FailureMessage);
    }

    [Fact]
    public void Validate_CriticalBelowItsThrottleLimit_NamesBothKeys()
    {
        var options = new ThrottleOptions
        {
            MaxReplicaLag = TimeSpan.FromSeconds(10),
            CriticalReplicaLag = TimeSpan.FromSeconds(5),
            MaxActiveSessions = 25,
            CriticalActiveSessions = 10,
            MaxLockWaits = 0,
            CriticalLockWaits = 1,
            MaxProbeLatency = TimeSpan.FromSeconds(1),
            CriticalProbeLatency = TimeSpan.FromSeconds(1),
        };

        var result = new ThrottleOptionsValidator().Validate(null, options);

        Assert.Equal(
            "Migrations:Throttle:CriticalReplicaLag must be 0 (off) or not below Migrations:Throttle:MaxReplicaLag.; "
            + "Migrations:Throttle:CriticalActiveSessions must be 0 (off) or not below Migrations:Throttle:MaxActiveSessions.",
            result.FailureMessage);
    }

    [Fact]
    public void Validate_Bounds_AreInclusive_AndZeroIsOff()
    {
        var options = new ThrottleOptions
        {
            SampleInterval = ThrottleConstants.MinSampleInterval,
            WaitBudget = TimeSpan.Zero,
            MaxReplicaLag = TimeSpan.Zero,
            CriticalReplicaLag = ThrottleConstants.MaxReplicaLagBound,
            MaxActiveSessions = 0,
            CriticalActiveSessions = ThrottleConstants.MaxSessionsBound,
            MaxLockWaits = ThrottleConstants.MaxSessionsBound,
            CriticalLockWaits = 0,
            MaxProbeLatency = ThrottleConstants.MaxProbeLatencyBound,
            CriticalProbeLatency = ThrottleConstants.MaxProbeLatencyBound,
        };

        Assert.True(new ThrottleOptionsValidator().Validate(null, options).Succeeded);
    }
}
