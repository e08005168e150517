using Pitchey.Database.Routing;

namespace Pitchey.Database.Tests.Routing;

public sealed class DatabaseRoutingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new DatabaseRoutingOptionsValidator().Validate(null, new DatabaseRoutingOptions()).Succeeded);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(86_401)]
    [InlineData(double.NaN)]
    public void Validate_RuleBudgetOutOfRange_NamesTheRulesKey(double lag)
    {
        var options = new DatabaseRoutingOptions();
        options.Rules["browse"] = new RoutingRule { MaxLagSeconds = lag };

        var result = new DatabaseRoutingOptionsValidator().Validate(null, options);

        Assert.Equal("Database:Routing:Rules:browse:MaxLagSeconds must be between 0 and 86400.", result.FailureMessage);
    }

    [Theory]
    [InlineData("Nowhere")]
    [InlineData("1")]
    [InlineData("")]
    public void Validate_UnknownTarget_NamesTheRulesKey(string target)
    {
        var options = new DatabaseRoutingOptions();
        options.Rules["session"] = new RoutingRule { Target = target };

        var result = new DatabaseRoutingOptionsValidator().Validate(null, options);

        Assert.Equal("Database:Routing:Rules:session:Target must be Replica or Primary.", result.FailureMessage);
    }

    [Fact]
    public void Validate_TimeoutLongerThanInterval_NamesBothKeys()
    {
        var options = new DatabaseRoutingOptions { MonitorInterval = TimeSpan.FromSeconds(1), MonitorTimeout = TimeSpan.FromSeconds(2) };

        var result = new DatabaseRoutingOptionsValidator().Validate(null, options);

        Assert.Equal("Database:Routing:MonitorTimeout must not exceed Database:Routing:MonitorInterval.", result.FailureMessage);
    }

    [Fact]
    public void Validate_EverythingOutOfRange_NamesEveryKey()
    {
        var options = new DatabaseRoutingOptions
        {
            MonitorInterval = TimeSpan.FromMilliseconds(10),
            MonitorTimeout = TimeSpan.FromMinutes(2),
            LsnTimeout = TimeSpan.FromMinutes(1),
            MaxLagSeconds = -2,
            ReadRetries = 9,
            RetryBaseDelay = TimeSpan.Zero,
            BreakerFailureRatio = 1.5,
            BreakerMinimumThroughput = 1,
            BreakerSamplingDuration = TimeSpan.FromMilliseconds(100),
            BreakerBreakDuration = TimeSpan.FromHours(1),
        };
        options.Rules["browse"] = new RoutingRule { Target = "Elsewhere", MaxLagSeconds = 100_000 };

        var result = new DatabaseRoutingOptionsValidator().Validate(null, options);

        Assert.Equal(
            "Database:Routing:MonitorInterval must be between 00:00:00.050 and 00:05:00.; " +
            "Database:Routing:MonitorTimeout must be between 00:00:00.050 and 00:01:00.; " +
            "Database:Routing:MonitorTimeout must not exceed Database:Routing:MonitorInterval.; " +
            "Database:Routing:LsnTimeout must be between 00:00:00.050 and 00:00:30.; " +
            "Database:Routing:MaxLagSeconds must be between 0 and 86400.; " +
            "Database:Routing:Rules:browse:Target must be Replica or Primary.; " +
            "Database:Routing:Rules:browse:MaxLagSeconds must be between 0 and 86400.; " +
            "Database:Routing:ReadRetries must be between 0 and 5.; " +
            "Database:Routing:RetryBaseDelay must be between 00:00:00.001 and 00:00:10.; " +
            "Database:Routing:BreakerFailureRatio must be between 0.01 and 1.; " +
            "Database:Routing:BreakerMinimumThroughput must be between 2 and 10000.; " +
            "Database:Routing:BreakerSamplingDuration must be between 00:00:00.500 and 00:10:00.; " +
            "Database:Routing:BreakerBreakDuration must be between 00:00:00.500 and 00:10:00.",
            result.FailureMessage);
    }
}
