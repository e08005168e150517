using Pitchey.Gateway.Caching;

namespace Pitchey.Gateway.Tests.Caching;

public sealed class CacheOptionsValidatorTests
{
    private readonly CacheOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreInMemoryAndValid()
    {
        var options = new CacheOptions();

        Assert.True(options.Enabled);
        Assert.Null(options.Redis);
        Assert.Equal(256L * 1024 * 1024, options.SizeLimit);
        Assert.Equal(1024 * 1024, options.MaxEntrySize);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CoalesceTimeout);
        Assert.Equal(["pitchey-session", "better-auth-session"], options.SessionCookiesOrDefault());
        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(60), new CachePolicyOptions().Ttl);
    }

    [Fact]
    public void Validate_EverySettingOutOfRange_IsNamedWithItsKey_NeverItsValue()
    {
        var options = new CacheOptions
        {
            SizeLimit = 10,
            MaxEntrySize = 10,
            CoalesceTimeout = TimeSpan.FromMinutes(2),
            RefreshTimeout = TimeSpan.Zero,
            RedisKeyPrefix = "",
            Redis = "host:6379,password=hunter2-secret,bogus=1",
            SessionCookies = ["pitchey-session", " "],
            WriteEvictions = [new CacheEvictionRule { PathPrefix = "api/pitches", Tags = [] }],
        };
        options.Policies["broken"] = new CachePolicyOptions
        {
            Ttl = TimeSpan.FromDays(2),
            StaleWhileRevalidate = TimeSpan.FromDays(8),
            StaleIfError = TimeSpan.FromSeconds(-1),
            Tags = ["ok", "not a tag"],
            VaryByHeaders = ["Accept-Language", "bad header"],
        };
        options.Policies["mine"] = new CachePolicyOptions { PerUser = true, StaleIfError = TimeSpan.FromMinutes(1) };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            "Cache:SizeLimit must be between 1048576 and 68719476736.; "
            + "Cache:MaxEntrySize must be between 1024 and 1024.; "
            + "Cache:CoalesceTimeout must be between 00:00:00 and 00:01:00.; "
            + "Cache:RefreshTimeout must be between 00:00:00.100 and 00:05:00.; "
            + "Cache:RedisKeyPrefix must be 1 to 100 characters.; "
            + "Cache:Redis is not a StackExchange.Redis configuration string (host:port[,option=value...]).; "
            + "Cache:SessionCookies:1 must be a cookie name.; "
            + "Cache:Policies:broken:Ttl must be between 00:00:00 and 1.00:00:00.; "
            + "Cache:Policies:broken:StaleWhileRevalidate must be between 00:00:00 and 7.00:00:00.; "
            + "Cache:Policies:broken:StaleIfError must be between 00:00:00 and 7.00:00:00.; "
            + "Cache:Policies:broken:Tags:1 must be a tag (letters, digits, '-', '_', '.').; "
            + "Cache:Policies:broken:VaryByHeaders:1 must be an HTTP header name.; "
            + "Cache:Policies:mine:PerUser policies never serve stale answers: leave StaleWhileRevalidate and StaleIfError at 0.; "
            + "Cache:WriteEvictions:0:PathPrefix must be a path starting with '/'.; "
            + "Cache:WriteEvictions:0:Tags must list at least one tag (letters, digits, '-', '_', '.').",
            result.FailureMessage);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TheShippedSettings_Pass()
    {
        var options = new CacheOptions();
        options.Policies["browse"] = new CachePolicyOptions
        {
            Ttl = TimeSpan.FromMinutes(3), StaleWhileRevalidate = TimeSpan.FromMinutes(1), StaleIfError = TimeSpan.FromHours(1), Tags = ["pitches"],
        };
        options.Policies["session"] = new CachePolicyOptions { Ttl = TimeSpan.FromSeconds(30), PerUser = true, Tags = ["users"] };
        options.WriteEvictions.Add(new CacheEvictionRule { PathPrefix = "/api/pitches", Tags = ["pitches"] });
        options.Redis = "127.0.0.1:6379,abortConnect=false";

        Assert.True(_validator.Validate(null, options).Succeeded);
    }
}
