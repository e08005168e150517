using Pitchey.Gateway.Limits;

namespace Pitchey.Gateway.Tests.Limits;

public sealed class LimitsOptionsValidatorTests
{
    private readonly LimitsOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreKestrelsLimitsAndValid()
    {
        var options = new LimitsOptions();

        Assert.Equal(30_000_000, options.MaxRequestBodySize);
        Assert.Equal(32 * 1024, options.MaxRequestHeadersTotalSize);
        Assert.Equal(8 * 1024, options.MaxRequestLineSize);
        Assert.Equal(240, options.MinRequestBodyDataRate);
        Assert.Equal(TimeSpan.FromSeconds(10), options.TunedEndpointTimeout);
        Assert.Equal(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], options.AllowedMethodsOrDefault());
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_EverySettingOutOfRange_IsNamedWithItsBounds()
    {
        var options = new LimitsOptions
        {
            MaxRequestBodySize = -1,
            MaxRequestHeadersTotalSize = 10,
            MaxRequestLineSize = 100_000,
            MinRequestBodyDataRate = -1,
            MinRequestBodyDataRateGracePeriod = TimeSpan.FromSeconds(1),
            AllowedMethods = ["GET", "get", "BREW"],
            TunedEndpointTimeout = TimeSpan.Zero,
            DatabaseConcurrency = 0,
            DatabaseQueueLimit = -1,
            DatabaseQueueTimeout = TimeSpan.FromMinutes(1),
        };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            "Limits:MaxRequestBodySize must be between 0 and 10737418240.; "
            + "Limits:MaxRequestHeadersTotalSize must be between 1024 and 1048576.; "
            + "Limits:MaxRequestLineSize must be between 256 and 65536.; "
            + "Limits:MinRequestBodyDataRate must be between 0 and 1048576.; "
            + "Limits:MinRequestBodyDataRateGracePeriod must be between 00:00:02 and 00:05:00.; "
            + "Limits:AllowedMethods:1 is not an HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, CONNECT; upper case).; "
            + "Limits:AllowedMethods:2 is not an HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, CONNECT; upper case).; "
            + "Limits:TunedEndpointTimeout must be between 00:00:00.100 and 00:05:00.; "
            + "Limits:DatabaseConcurrency must be between 1 and 10000.; "
            + "Limits:DatabaseQueueLimit must be between 0 and 100000.; "
            + "Limits:DatabaseQueueTimeout must be between 00:00:00 and 00:00:30.",
            result.FailureMessage);
    }

    [Theory]
    [InlineData("GET,POST", true, 0)]
    [InlineData(" GET , HEAD ", true, 0)]
    [InlineData("GET,get", false, 2)]
    [InlineData("", false, 1)]
    [InlineData("GET,,BREW", false, 2)]
    public void MethodLists_ParseOrNameTheBadEntry(string text, bool valid, int position)
    {
        Assert.Equal(valid, HttpMethodNames.TryParseList(text, out _, out var bad));
        Assert.Equal(position, bad);
    }

    [Fact]
    public void RouteLimits_MetadataOverridesTheDefaults_AndBadValuesFallBack()
    {
        var defaults = new LimitsOptions { MaxRequestBodySize = 100 };

        var route = RouteLimits.For(new Dictionary<string, string> { ["MaxRequestBodySize"] = "5", ["AllowedMethods"] = "GET" }, defaults, out var ok);
        var bad = RouteLimits.For(new Dictionary<string, string> { ["MaxRequestBodySize"] = "lots" }, defaults, out var problem);

        Assert.Null(ok);
        Assert.Equal(5, route.MaxRequestBodySize);
        Assert.Equal("GET", route.AllowHeader);
        Assert.Equal("MaxRequestBodySize", problem);
        Assert.Equal(100, bad.MaxRequestBodySize);
        Assert.Contains("DELETE", bad.Methods);
        Assert.DoesNotContain("TRACE", bad.Methods);
    }
}
