using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Tests.SlowQueries;

public sealed class SlowQueryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new SlowQueryOptionsValidator().Validate(null, new SlowQueryOptions()).Succeeded);

    [Fact]
    public void Validate_EveryBoundBroken_NamesEachKey()
    {
        var options = new SlowQueryOptions { ThresholdMs = -1, Capacity = 0 };
        options.Queries["browse"] = new SlowQueryRule { ThresholdMs = 600_001 };

        var result = new SlowQueryOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Database:SlowQueries:ThresholdMs must be between 0 and 600000.",
                "Database:SlowQueries:Queries:browse:ThresholdMs must be between 0 and 600000.",
                "Database:SlowQueries:Capacity must be between 1 and 10000.",
            ],
            result.Failures);
    }
}
