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

    [Fact]
    public void Validate_ClientAddressHeaders_DefaultToTheCommonClaims()
    {
        var options = new ProxyOptions();

        Assert.Null(options.ClientAddressHeaders);
        Assert.Equal(ClientAddressHeaders.Defaults, options.ClientAddressHeadersOrDefault());
        Assert.Equal("X-Forwarded-For", options.ForwardedForHeader);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadHeaderEntries_AreNamedByIndex()
    {
        var options = new ProxyOptions { ClientAddressHeaders = ["X-Fine", "X-Prefix-*", "Bad Header", "*", "X-*-Middle"], ForwardedForHeader = "X-*" };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            "Proxy:ClientAddressHeaders:2 is not a header name (letters, digits and -, optionally ending in *).; "
            + "Proxy:ClientAddressHeaders:3 is not a header name (letters, digits and -, optionally ending in *).; "
            + "Proxy:ClientAddressHeaders:4 is not a header name (letters, digits and -, optionally ending in *).; "
            + "Proxy:ForwardedForHeader is not a header name.",
            result.FailureMessage);
    }

    [Theory]
    [InlineData("True-Client-IP", true)]
    [InlineData("true-client-ip", true)]
    [InlineData("X-Forwarded-Port", true)]
    [InlineData("x-forwarded-anything", true)]
    [InlineData("CF-Connecting-IP", true)]
    [InlineData("X-Request-Id", false)]
    [InlineData("Cookie", false)]
    public void Defaults_MatchTheClaimsAndNothingElse(string header, bool matches) =>
        Assert.Equal(matches, new ClientAddressHeaders(ClientAddressHeaders.Defaults).Matches(header));
}
