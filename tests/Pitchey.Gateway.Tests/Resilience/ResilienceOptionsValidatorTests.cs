using Pitchey.Gateway.Resilience;

namespace Pitchey.Gateway.Tests.Resilience;

public sealed class ResilienceOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var options = new ResilienceOptions();
        options.Clusters["api"] = new ClusterResilienceOptions();

        Assert.Empty(ResilienceOptionsValidator.Errors(options));
    }

    [Fact]
    public void BadValues_EachNameTheirFullKey()
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

        var errors = ResilienceOptionsValidator.Errors(options);

        foreach (var key in new[] { "FailureRatio", "MinimumThroughput", "SamplingDuration", "BreakDuration", "FailureStatusCodes", "MaxRetries", "RetryBaseDelay" })
        {
            Assert.Contains(errors, e => e.StartsWith($"Resilience:Clusters:api:{key} ", StringComparison.Ordinal));
        }

        Assert.Equal(7, errors.Count);
    }
}
