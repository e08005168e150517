using Pitchey.Gateway.Alerts;

namespace Pitchey.Gateway.Tests.Alerts;

public sealed class AlertBookTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly AlertBook _book = new();

    [Fact]
    public void Apply_AConditionThatHolds_FiresOnce_AndResolvesOnce()
    {
        var rule = Rule(TimeSpan.Zero, TimeSpan.FromMinutes(10));

        Assert.Equal(["firing"], Statuses(_book.Apply(rule, [Open()], Start)));
        Assert.Empty(_book.Apply(rule, [Open()], Start.AddSeconds(15)));
        Assert.Equal("firing", Assert.Single(_book.Active).FiringSince is null ? "pending" : "firing");
        Assert.Equal(["resolved"], Statuses(_book.Apply(rule, [Closed()], Start.AddSeconds(30))));
        Assert.Empty(_book.Active);
        Assert.Empty(_book.Apply(rule, [Closed()], Start.AddSeconds(45)));
    }

    [Fact]
    public void Apply_WithFor_StaysPendingUntilItHeldThatLong()
    {
        var rule = Rule(TimeSpan.FromSeconds(30), TimeSpan.Zero);

        Assert.Empty(_book.Apply(rule, [Open()], Start));
        Assert.Null(Assert.Single(_book.Active).FiringSince);
        Assert.Empty(_book.Apply(rule, [Open()], Start.AddSeconds(29)));
        Assert.Equal(["firing"], Statuses(_book.Apply(rule, [Open()], Start.AddSeconds(30))));
    }

    [Fact]
    public void Apply_BackWithinTheCooldown_FiresAndResolvesSilently_AfterItNotifiesAgain()
    {
        var rule = Rule(TimeSpan.Zero, TimeSpan.FromMinutes(10));
        _book.Apply(rule, [Open()], Start);
        _book.Apply(rule, [Closed()], Start.AddMinutes(1));

        Assert.Equal(["suppressed"], Statuses(_book.Apply(rule, [Open()], Start.AddMinutes(2))));
        Assert.Equal(["resolved-silently"], Statuses(_book.Apply(rule, [Closed()], Start.AddMinutes(3))));
        Assert.Equal(["firing"], Statuses(_book.Apply(rule, [Open()], Start.AddMinutes(10))));
    }

    [Fact]
    public void Apply_ASubjectThatDisappears_Resolves_OtherRulesAreLeftAlone()
    {
        var rule = Rule(TimeSpan.Zero, TimeSpan.Zero);
        var other = Rule(TimeSpan.Zero, TimeSpan.Zero) with { Name = "other" };
        _book.Apply(rule, [Open()], Start);
        _book.Apply(other, [Open()], Start);

        Assert.Equal(["resolved"], Statuses(_book.Apply(rule, [], Start.AddSeconds(1))));
        Assert.Equal("other|api", Assert.Single(_book.Active).Key);
    }

    private static AlertRule Rule(TimeSpan forTime, TimeSpan cooldown) =>
        new("breaker", AlertKind.BreakerOpen, null, new AlertRuleOptions { Kind = "BreakerOpen", For = forTime, Cooldown = cooldown });

    private static AlertSignal Open() => new("api", true, 1, "circuit breaker of cluster api is open");

    private static AlertSignal Closed() => new("api", false, 0, "circuit breaker of cluster api is closed");

    private static string[] Statuses(IReadOnlyList<(AlertView Alert, string Status)> notices) => [.. notices.Select(n => n.Status)];
}
