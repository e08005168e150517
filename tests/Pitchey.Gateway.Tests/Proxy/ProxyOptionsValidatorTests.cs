using Pitchey.Gateway.Proxy;

namespace Pitchey.Gateway.Tests.Proxy;

public sealed class ProxyOptionsValidatorTests
{
    private readonly ProxyOptionsValidator _validator = new();

    [Fact]
    public void Validate_NoTrustedProxies_IsTheValidDefault()
    {
        var options = new ProxyOptions();

        Assert.Empty(options.TrustedProxies);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_AddressesAndNetworks_AreValid()
    {
        var options = new ProxyOptions { TrustedProxies = { "10.0.0.5", "10.0.0.0/8", "::1", "fd00::/8" } };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_EntriesThatDoNotParse_AreEachNamedByIndexNeverByValue()
    {
        var options = new ProxyOptions { TrustedProxies = { "10.0.0.5", "proxy.internal", "10.0.0.0/99" } };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            "Proxy:TrustedProxies:1 is neither an IP address nor a CIDR network.; "
            + "Proxy:TrustedProxies:2 is neither an IP address nor a CIDR network.",
            result.FailureMessage);
    }
}
