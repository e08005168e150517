using System.ComponentModel.DataAnnotations;
using NpgsqlTypes;
using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;

namespace Pitchey.Database.Tests.Routing;

public sealed class DatabaseRoutingOptionsTests
{
    [Fact]
    public void RuleFor_UnknownQuery_UsesTheDefaultBudgetOnAReplica()
    {
        var options = new DatabaseRoutingOptions();

        Assert.Equal((RoutingTarget.Replica, 5.0), options.RuleFor("browse"));
    }

    [Fact]
    public void RuleFor_ConfiguredRules_OverrideTargetAndBudget_CaseInsensitively()
    {
        var options = new DatabaseRoutingOptions();
        options.Rules["session"] = new RoutingRule { Target = "primary" };
        options.Rules["browse"] = new RoutingRule { MaxLagSeconds = 30 };

        Assert.Equal(RoutingTarget.Primary, options.RuleFor("Session").Target);
        Assert.Equal((RoutingTarget.Replica, 30.0), options.RuleFor("browse"));
    }

    [Fact]
    public void Validate_NegativeRuleBudget_NamesTheKey()
    {
        var options = new DatabaseRoutingOptions();
        options.Rules["browse"] = new RoutingRule { MaxLagSeconds = -1 };

        var result = new DatabaseRoutingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Database:Routing:Rules:browse:MaxLagSeconds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nowhere")]
    [InlineData("1")]
    [InlineData("")]
    public void Validate_UnknownTarget_NamesTheKey(string target)
    {
        var options = new DatabaseRoutingOptions();
        options.Rules["session"] = new RoutingRule { Target = target };

        var result = new DatabaseRoutingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Database:Routing:Rules:session:Target", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TimeoutLongerThanInterval_NamesBothKeys()
    {
        var options = new DatabaseRoutingOptions { MonitorInterval = TimeSpan.FromSeconds(1), MonitorTimeout = TimeSpan.FromSeconds(2) };

        var result = new DatabaseRoutingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Database:Routing:MonitorTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void DataAnnotations_OutOfRangeValues_NameTheirKeys()
    {
        var options = new DatabaseRoutingOptions { ReadRetries = 9, MaxLagSeconds = -2, BreakerMinimumThroughput = 1 };
        var results = new List<ValidationResult>();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Contains(results, r => r.ErrorMessage!.Contains("Database:Routing:ReadRetries", StringComparison.Ordinal));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("Database:Routing:MaxLagSeconds", StringComparison.Ordinal));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("Database:Routing:BreakerMinimumThroughput", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, true, 2.0, null, true)]
    [InlineData(false, true, 0.0, null, false)] // unreachable
    [InlineData(true, false, 0.0, null, false)] // promoted: not a replica any more
    [InlineData(true, true, 6.0, null, false)] // over the 5 s budget
    [InlineData(true, true, null, null, false)] // behind by an unknown time
    [InlineData(true, true, 0.0, "0/2000000", false)] // has not replayed the caller's write
    [InlineData(true, true, 0.0, "0/1000000", true)] // has
    public void CanServe_ChecksReachabilityRoleLagAndLsn(bool reachable, bool inRecovery, double? lag, string? minimumLsn, bool expected)
    {
        var host = new DatabaseHost("replica1", "127.0.0.1:1", null!);
        var status = new HostStatus(host, true, reachable, inRecovery, NpgsqlLogSequenceNumber.Parse("0/1800000"), 0, lag, 1, DateTimeOffset.UnixEpoch, null);

        Assert.Equal(expected, status.CanServe(5, minimumLsn is null ? null : NpgsqlLogSequenceNumber.Parse(minimumLsn)));
    }
}
