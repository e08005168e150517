using Pitchey.Gateway.Resilience;

namespace Pitchey.Gateway.Tests.Resilience;

public sealed class ResilienceOptionsValidatorTests
{
    private readonly ResilienceOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new ResilienceOptions();
        options.Clusters["api"] = new ClusterResilienceOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_EverySettingOutOfRange_ReportsEachWithItsFullKey()
    {
        var options = new ResilienceOptions();
        options.Clusters["api"] = new ClusterResilienceOptions
        {
            FailureRatio = 1.5,
            MinimumThroughput = 1,
            SamplingDuration = TimeSpan.FromMilliseconds(100),
            BreakDuration = TimeSpan.FromSeconds(-5),
            FailureStatusCodes = "5xx,abc",
            MaxRetries = 11,
            RetryBaseDelay = TimeSpan.FromSeconds(-1),
        };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            "Resilience:Clusters:api:FailureRatio must be between 0.01 and 1.; "
            + "Resilience:Clusters:api:MinimumThroughput must be between 2 and 100000.; "
            + "Resilience:Clusters:api:SamplingDuration must be between 00:00:00.500 and 1.00:00:00.; "
            + "Resilience:Clusters:api:BreakDuration must be between 00:00:00.500 and 1.00:00:00.; "
            + "Resilience:Clusters:api:FailureStatusCodes has entry 2, which is neither a status code (100..599) nor a class such as 5xx.; "
            + "Resilience:Clusters:api:MaxRetries must be between 0 and 10.; "
            + "Resilience:Clusters:api:RetryBaseDelay must be between 00:00:00 and 00:00:10.",
            result.FailureMessage);
    }

    [Fact]
    public void Validate_SeveralClusters_NamesEachClusterAndSkipsEmptyEntries()
    {
        var options = new ResilienceOptions();
        options.Clusters["api"] = new ClusterResilienceOptions { FailureStatusCodes = null! };
        options.Clusters["reports"] = new ClusterResilienceOptions { MaxRetries = -1 };
        options.Clusters["empty"] = null!;

        var result = _validator.Validate(null, options);

        Assert.Equal(
            "Resilience:Clusters:api:FailureStatusCodes is required.; Resilience:Clusters:reports:MaxRetries must be between 0 and 10.",
            result.FailureMessage);
    }
}
