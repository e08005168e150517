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
}
