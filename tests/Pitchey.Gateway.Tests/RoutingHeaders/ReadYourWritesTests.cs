using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NpgsqlTypes;
using Pitchey.Gateway.RoutingHeaders;

namespace Pitchey.Gateway.Tests.RoutingHeaders;

public sealed class ReadYourWritesTests
{
    [Fact]
    public void ReadOptionsFor_NoLsn_IsNull() => Assert.Null(Create().ReadOptionsFor(Request()));

    [Fact]
    public void ReadOptionsFor_CookieOrHeader_TakesTheHighestValidLsn()
    {
        var context = Request(header: "0/16B3748", cookie: "1/0");

        Assert.Equal(NpgsqlLogSequenceNumber.Parse("1/0"), Create().ReadOptionsFor(context)!.MinimumLsn);
    }

    [Fact]
    public void ReadOptionsFor_EncodedCookie_IsDecoded()
    {
        // What the gateway sends back: Set-Cookie values are URL-encoded.
        var context = Request(cookie: "0%2F16B3748");

        Assert.Equal(NpgsqlLogSequenceNumber.Parse("0/16B3748"), Create().ReadOptionsFor(context)!.MinimumLsn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("0/")]
    [InlineData("/1")]
    [InlineData("G/1")]
    [InlineData("123456789/1")]
    [InlineData("99999999999999999999999999999999")]
    public void ReadOptionsFor_MalformedValues_AreIgnored(string value)
    {
        Assert.Null(Create().ReadOptionsFor(Request(header: value, cookie: value)));
        Assert.Equal(
            NpgsqlLogSequenceNumber.Parse("0/10"),
            Create().ReadOptionsFor(Request(header: value, cookie: "0/10"))!.MinimumLsn);
    }

    [Fact]
    public void ReadOptionsFor_Disabled_IgnoresTheLsn() =>
        Assert.Null(Create(new DatabaseRoutingHttpOptions { ReadYourWrites = false }).ReadOptionsFor(Request(header: "0/10")));

    private static ReadYourWrites Create(DatabaseRoutingHttpOptions? options = null) =>
        new(Options.Create(options ?? new DatabaseRoutingHttpOptions()));

    private static DefaultHttpContext Request(string? header = null, string? cookie = null)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[ReadYourWrites.HeaderName] = header;
        }

        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{ReadYourWrites.CookieName}={cookie}";
        }

        return context;
    }
}
