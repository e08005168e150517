using Pitchey.Gateway.Alerts;

namespace Pitchey.Gateway.Tests.Alerts;

public sealed class AlertOptionsValidatorTests
{
    private readonly AlertOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_NoRulesNoWebhooks_AreValid()
    {
        var options = new AlertOptions();

        Assert.Equal(TimeSpan.FromSeconds(15), options.EvaluationInterval);
        Assert.Equal(100, options.History);
        Assert.Empty(options.Rules);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ARuleWithAnUnknownKind_AWrongSeverity_AndAnUnknownWebhook_NamesEachKey()
    {
        var options = new AlertOptions();
        var rule = new AlertRuleOptions { Kind = "Nonsense", Severity = "loud" };
        rule.Webhooks.Add("nowhere");
        options.Rules["r"] = rule;

        Assert.Equal(
            "Alerts:Rules:r:Kind must be one of QueryLatency, ErrorRate, BreakerOpen, ReplicaLag, PoolSaturation, InvalidIndex, ProbeRefresh.; "
            + "Alerts:Rules:r:Severity must be one of info, warning, critical.; Alerts:Rules:r:Webhooks:0 must name a webhook of Alerts:Webhooks.",
            _validator.Validate(null, options).FailureMessage);
    }

    [Fact]
    public void Validate_AThresholdOutOfItsKindsRange_NamesTheKey()
    {
        var options = new AlertOptions();
        options.Rules["errors"] = new AlertRuleOptions { Kind = "ErrorRate", Threshold = 2 };

        Assert.Equal("Alerts:Rules:errors:Threshold must be between 0 and 1.", _validator.Validate(null, options).FailureMessage);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/hook", "must be an absolute http:// or https:// URL.")]
    [InlineData("https://user:pw-9e1f@127.0.0.1/hook", "must not carry credentials (user:password@); put the receiver's token in its path or query.")]
    [InlineData("https://hooks.example.com/tok-9e1f", "names a host that is neither loopback nor listed in Alerts:AllowedHosts (webhooks reach only hosts an operator allowed).")]
    [InlineData("http://allowed.example/tok-9e1f", "must use https: the URL is a secret, and only a loopback receiver may be plain http.")]
    public void Validate_AnUnusableWebhookUrl_NamesTheKey_NeverTheUrl(string url, string problem)
    {
        var options = new AlertOptions();
        options.AllowedHosts.Add("allowed.example");
        options.Webhooks["chat"] = new AlertWebhookOptions { Url = url };

        var message = _validator.Validate(null, options).FailureMessage;

        Assert.Equal("Alerts:Webhooks:chat:Url " + problem, message);
        Assert.DoesNotContain("9e1f", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ALoopbackReceiver_OverPlainHttp_IsValid()
    {
        var options = new AlertOptions();
        options.Webhooks["local"] = new AlertWebhookOptions { Url = "http://127.0.0.1:9000/hook" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }
}
