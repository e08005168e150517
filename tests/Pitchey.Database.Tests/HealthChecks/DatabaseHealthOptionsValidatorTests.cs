using Pitchey.Database.HealthChecks;

namespace Pitchey.Database.Tests.HealthChecks;

public sealed class DatabaseHealthOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new DatabaseHealthOptionsValidator().Validate(null, new DatabaseHealthOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60_001)]
    public void Validate_LatencyOutOfRange_NamesTheFullKey(int latencyMs)
    {
        var result = new DatabaseHealthOptionsValidator().Validate(null, new DatabaseHealthOptions { DegradedLatencyMs = latencyMs });

        Assert.Equal("Database:HealthChecks:DegradedLatencyMs must be between 1 and 60000.", result.FailureMessage);
    }
}
