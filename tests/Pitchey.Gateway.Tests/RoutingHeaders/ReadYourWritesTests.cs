using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using NpgsqlTypes;
using Pitchey.Gateway.RoutingHeaders;

namespace Pitchey.Gateway.Tests.RoutingHeaders;

public sealed class ReadYourWritesTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ReadOptionsFor_NoLsn_IsNull() => Assert.Null(Create().ReadOptionsFor(Request()));

    [Fact]
    public void ReadOptionsFor_CookieOrHeader_TakesTheHighestGenuineLsn()
    {
        var tokens = Tokens();
        var context = Request(header: tokens.Issue(NpgsqlLogSequenceNumber.Parse("0/16B3748")), cookie: tokens.Issue(NpgsqlLogSequenceNumber.Parse("1/0")));

        Assert.Equal(NpgsqlLogSequenceNumber.Parse("1/0"), Create().ReadOptionsFor(context)!.MinimumLsn);
    }

    [Fact]
    public void ReadOptionsFor_EncodedCookie_IsDecoded()
    {
        // What the gateway sends back: Set-Cookie values are URL-encoded.
        var token = Tokens().Issue(NpgsqlLogSequenceNumber.Parse("0/16B3748"));

        Assert.Equal(NpgsqlLogSequenceNumber.Parse("0/16B3748"), Create().ReadOptionsFor(Request(cookie: Uri.EscapeDataString(token)))!.MinimumLsn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("0/10")]
    [InlineData("FFFFFFFF/FFFFFFFF")]
    [InlineData("FFFFFFFF/FFFFFFFF.1796126400.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("0/10\0.1796126400.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("0/10.1796126400.AAAA\0AAAAAAAAAAAAAAAAA")]
    [InlineData("a.b.c")]
    public void ReadOptionsFor_UnsignedMalformedOrForged_AreIgnored(string value)
    {
        var genuine = Tokens().Issue(NpgsqlLogSequenceNumber.Parse("0/10"));

        Assert.Null(Create().ReadOptionsFor(Request(header: value, cookie: value)));
        Assert.Equal(NpgsqlLogSequenceNumber.Parse("0/10"), Create().ReadOptionsFor(Request(header: value, cookie: genuine))!.MinimumLsn);
    }

    [Fact]
    public void ReadOptionsFor_HugeOrManyRepeatedForgeries_AreIgnored_AndAGenuineOneAmongThemStillCounts()
    {
        var genuine = Tokens().Issue(NpgsqlLogSequenceNumber.Parse("0/10"));
        var huge = new string('A', 100_000);
        var context = new DefaultHttpContext();
        context.Request.Headers[ReadYourWrites.HeaderName] = new StringValues([.. Enumerable.Repeat("a.b.c", 2_000), huge, genuine]);

        Assert.Null(Create().ReadOptionsFor(Request(header: huge)));
        Assert.Equal(NpgsqlLogSequenceNumber.Parse("0/10"), Create().ReadOptionsFor(context)!.MinimumLsn);
    }

    [Fact]
    public void ReadOptionsFor_TamperedLsn_IsIgnored()
    {
        var token = Tokens().Issue(NpgsqlLogSequenceNumber.Parse("0/10"));

        Assert.Null(Create().ReadOptionsFor(Request(header: "FFFFFFFF/FFFFFFFF" + token[token.IndexOf('.', StringComparison.Ordinal)..])));
    }

    [Fact]
    public void ReadOptionsFor_OtherKey_IsIgnored()
    {
        var token = Tokens(key: new string('x', 32)).Issue(NpgsqlLogSequenceNumber.Parse("0/10"));

        Assert.Null(Create().ReadOptionsFor(Request(header: token)));
    }

    [Fact]
    public void ReadOptionsFor_StaleToken_IsIgnored()
    {
        var token = Tokens().Issue(NpgsqlLogSequenceNumber.Parse("0/10"));
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.NotNull(Create().ReadOptionsFor(Request(header: token)));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(Create().ReadOptionsFor(Request(header: token)));
    }

    [Fact]
    public void ReadOptionsFor_NoKeyConfigured_OnlyThisProcessesTokensCount()
    {
        var first = Tokens(key: null);
        var second = Tokens(key: null);
        var token = first.Issue(NpgsqlLogSequenceNumber.Parse("0/10"));

        Assert.Equal(NpgsqlLogSequenceNumber.Parse("0/10"), first.Read(token));
        Assert.Null(second.Read(token));
    }

    [Fact]
    public void ReadOptionsFor_Disabled_IgnoresTheLsn() =>
        Assert.Null(Create(new DatabaseRoutingHttpOptions { ReadYourWrites = false, LsnSigningKey = Key })
            .ReadOptionsFor(Request(header: Tokens().Issue(NpgsqlLogSequenceNumber.Parse("0/10")))));

    private LsnTokens Tokens(string? key = Key) =>
        new(Options.Create(new DatabaseRoutingHttpOptions { LsnSigningKey = key }), _time, NullLogger<LsnTokens>.Instance);

    private ReadYourWrites Create(DatabaseRoutingHttpOptions? options = null)
    {
        var settings = Options.Create(options ?? new DatabaseRoutingHttpOptions { LsnSigningKey = Key });
        return new(settings, new LsnTokens(settings, _time, NullLogger<LsnTokens>.Instance));
    }

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
