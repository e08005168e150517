using Microsoft.AspNetCore.Http;
using Pitchey.Gateway.Caching;

namespace Pitchey.Gateway.Tests.Caching;

public sealed class CacheKeyTests
{
    [Fact]
    public void For_ReorderedParameters_AreOneKey()
    {
        Assert.Equal(Key("?genre=Drama&limit=24&page=2"), Key("?page=2&genre=Drama&limit=24"));
    }

    [Theory]
    [InlineData("?a=1&a=2", "?a=2&a=1")]
    [InlineData("?genre=Drama", "?genre=drama")]
    [InlineData("?genre=Drama", "?Genre=Drama")]
    [InlineData("?q=a%20b", "?q=a+b")]
    [InlineData("?a=1", "?a=1&a=1")]
    [InlineData("?a", "?a=")]
    [InlineData("?a=1&b=2", "?a=1%26b%3D2")]
    [InlineData("", "?x=1")]
    public void For_DifferentValues_AreNeverMerged(string left, string right)
    {
        Assert.NotEqual(Key(left), Key(right));
    }

    [Fact]
    public void For_EmptyPairsAndAQuestionMarkAlone_AddNothing()
    {
        Assert.Equal(Key("?a=1&b=2"), Key("?a=1&&b=2&"));
        Assert.Equal(Key(""), Key("?"));
    }

    [Fact]
    public void For_PolicyPathUserAndVaryingHeaders_AllCount()
    {
        var request = Request("/api/pitches/public", "?page=1");
        request.Headers["Accept-Language"] = "en";
        var other = Request("/api/pitches/public", "?page=1");
        other.Headers["Accept-Language"] = "fr";

        Assert.NotEqual(CacheKey.For("a", request, [], null), CacheKey.For("b", request, [], null));
        Assert.NotEqual(CacheKey.For("a", request, [], null), CacheKey.For("a", Request("/api/pitches/public/new", "?page=1"), [], null));
        Assert.NotEqual(CacheKey.For("a", request, [], "7"), CacheKey.For("a", request, [], "8"));
        Assert.NotEqual(CacheKey.For("a", request, [], null), CacheKey.For("a", request, [], "7"));
        Assert.NotEqual(CacheKey.For("a", request, ["accept-language"], null), CacheKey.For("a", other, ["accept-language"], null));
        Assert.Equal(CacheKey.For("a", request, [], null), CacheKey.For("a", other, [], null));
        Assert.NotEqual(CacheKey.Variant("k", request, ["accept-language"]), CacheKey.Variant("k", other, ["accept-language"]));
    }

    private static string Key(string query) => CacheKey.For("browse", Request("/api/pitches/browse/enhanced", query), [], null);

    private static HttpRequest Request(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }
}
