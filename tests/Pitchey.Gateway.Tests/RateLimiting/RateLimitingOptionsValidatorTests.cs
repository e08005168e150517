using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pitchey.Gateway.Proxy;
using Pitchey.Gateway.RateLimiting;

namespace Pitchey.Gateway.Tests.RateLimiting;

public sealed class RateLimitingOptionsValidatorTests
{
    private readonly RateLimitingOptionsValidator _validator = new();

    [Fact]
    public void Validate_NoPolicies_IsTheValidDefault() =>
        Assert.True(_validator.Validate(null, new RateLimitingOptions()).Succeeded);

    [Fact]
    public void Validate_PolicyOutOfRange_AndUnknownTunedPolicy_AreNamedWithTheirKeys()
    {
        var options = new RateLimitingOptions { TunedEndpointsPolicy = "tunde" };
        options.Policies["tuned"] = new RateLimitPolicyOptions
        {
            Algorithm = (RateLimitAlgorithm)9, PermitLimit = 0, Window = TimeSpan.Zero, TokensPerPeriod = 0, SegmentsPerWindow = 0, QueueLimit = -1,
        };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            "RateLimiting:Policies:tuned:Algorithm must be TokenBucket, FixedWindow, SlidingWindow or Concurrency.; "
            + "RateLimiting:Policies:tuned:PermitLimit must be between 1 and 1000000.; "
            + "RateLimiting:Policies:tuned:Window must be between 00:00:00.001 and 1.00:00:00.; "
            + "RateLimiting:Policies:tuned:TokensPerPeriod must be between 1 and 1000000.; "
            + "RateLimiting:Policies:tuned:SegmentsPerWindow must be between 1 and 1000.; "
            + "RateLimiting:Policies:tuned:QueueLimit must be between 0 and 10000.; "
            + "RateLimiting:TunedEndpointsPolicy names policy 'tunde', which is not defined under RateLimiting:Policies.",
            result.FailureMessage);
    }

    [Fact]
    public void RouteValidator_NamesTheRouteThePolicyAndTheMetadata()
    {
        var rateLimiting = new RateLimitingOptions();
        rateLimiting.Policies["api"] = new RateLimitPolicyOptions();
        var validator = new ProxyRouteSettingsValidator(Options.Create(rateLimiting));
        var routes = new ProxyRouteSettings();
        routes.Routes["api"] = new ProxyRouteEntry { RateLimiterPolicy = "apii", Metadata = { ["MaxRequestBodySize"] = "-5", ["AllowedMethods"] = "GET,FETCH" } };
        routes.Routes["fine"] = new ProxyRouteEntry { RateLimiterPolicy = "API" };
        routes.Routes["yarp-words"] = new ProxyRouteEntry { RateLimiterPolicy = "Disable" };

        var result = validator.Validate(null, routes);

        Assert.Equal(
            "ReverseProxy:Routes:api:RateLimiterPolicy names policy 'apii', which is not defined under RateLimiting:Policies.; "
            + "ReverseProxy:Routes:api:Metadata:MaxRequestBodySize must be a whole number of bytes between 0 and 10737418240.; "
            + "ReverseProxy:Routes:api:Metadata:AllowedMethods has entry 2, which is not an HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, CONNECT; upper case).",
            result.FailureMessage);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    public void ClientPartitionKey_IsTheAddress_IPv6ByIts64(string address, string key)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);

        Assert.Equal(key, ClientPartitionKey.Of(context).ToString());
    }

    [Fact]
    public void ClientPartitionKey_EqualForOneClient_DistinctForOthers()
    {
        static ClientPartitionKey Of(string? address)
        {
            var context = new DefaultHttpContext();
            context.Connection.RemoteIpAddress = address is null ? null : System.Net.IPAddress.Parse(address);
            return ClientPartitionKey.Of(context);
        }

        Assert.Equal(Of("203.0.113.9"), Of("::ffff:203.0.113.9"));
        Assert.Equal(Of("2001:db8:1:2::1"), Of("2001:db8:1:2:ffff::9"));
        Assert.NotEqual(Of("203.0.113.9"), Of("203.0.113.10"));
        Assert.NotEqual(Of("2001:db8:1:2::1"), Of("2001:db8:1:3::1"));
        Assert.NotEqual(Of("::"), Of("0.0.0.0"));
        Assert.Equal("unknown", Of(null).ToString());
        Assert.NotEqual(Of(null), Of("ffff:ffff:ffff:ffff::"));
    }
}
