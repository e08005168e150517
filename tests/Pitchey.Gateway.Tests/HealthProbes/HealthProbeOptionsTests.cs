using System.ComponentModel.DataAnnotations;
using Pitchey.Gateway.HealthProbes;

namespace Pitchey.Gateway.Tests.HealthProbes;

public sealed class HealthProbeOptionsTests
{
    [Fact]
    public void Defaults_AreTenSecondTtlAndTwoSecondTimeout_AndValid()
    {
        var options = new HealthProbeOptions();

        Assert.Equal(TimeSpan.FromSeconds(10), options.CacheTtl);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RunTimeout);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Validate_ZeroTtl_NamesTheSetting()
    {
        var errors = Validate(new HealthProbeOptions { CacheTtl = TimeSpan.Zero });

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("HealthProbes:CacheTtl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HugeRunTimeout_NamesTheSetting()
    {
        var errors = Validate(new HealthProbeOptions { RunTimeout = TimeSpan.FromMinutes(5) });

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("HealthProbes:RunTimeout", StringComparison.Ordinal));
    }

    private static List<ValidationResult> Validate(HealthProbeOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
