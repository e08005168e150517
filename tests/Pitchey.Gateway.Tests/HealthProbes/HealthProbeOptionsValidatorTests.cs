using Pitchey.Gateway.HealthProbes;

namespace Pitchey.Gateway.Tests.HealthProbes;

public sealed class HealthProbeOptionsValidatorTests
{
    private readonly HealthProbeOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreTenSecondTtlTwoSecondTimeoutThirtyRuns_AndValid()
    {
        var options = new HealthProbeOptions();

        Assert.Equal(TimeSpan.FromSeconds(10), options.CacheTtl);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RunTimeout);
        Assert.Equal(30, options.MetricsWindow);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ZeroTtl_NamesTheSettingAndItsBounds()
    {
        var result = _validator.Validate(null, new HealthProbeOptions { CacheTtl = TimeSpan.Zero });

        Assert.Equal("HealthProbes:CacheTtl must be between 00:00:01 and 01:00:00.", result.FailureMessage);
    }

    [Fact]
    public void Validate_HugeRunTimeout_NamesTheSettingAndItsBounds()
    {
        var result = _validator.Validate(null, new HealthProbeOptions { RunTimeout = TimeSpan.FromMinutes(5) });

        Assert.Equal("HealthProbes:RunTimeout must be between 00:00:00.050 and 00:01:00.", result.FailureMessage);
    }

    [Fact]
    public void Validate_EverySettingOutOfRange_ReportsEachWithItsFullKey()
    {
        var result = _validator.Validate(
            null, new HealthProbeOptions { CacheTtl = TimeSpan.FromHours(2), RunTimeout = TimeSpan.FromMilliseconds(10), MetricsWindow = 0 });

        Assert.Equal(
            "HealthProbes:CacheTtl must be between 00:00:01 and 01:00:00.; "
            + "HealthProbes:RunTimeout must be between 00:00:00.050 and 00:01:00.; "
            + "HealthProbes:MetricsWindow must be between 1 and 1000.",
            result.FailureMessage);
    }
}
