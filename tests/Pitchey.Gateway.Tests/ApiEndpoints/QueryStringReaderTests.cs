using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using Npgsql;
using Pitchey.Gateway.ApiEndpoints;

namespace Pitchey.Gateway.Tests.ApiEndpoints;

public sealed class QueryStringReaderTests
{
    // A fact, not a theory: xUnit serialises theory data as UTF-8, which cannot hold a lone surrogate.
    [Fact]
    public void IsStorableText_RefusesNulAndBrokenUnicode()
    {
        var cases = new (string Text, bool Storable)[]
        {
            ("Drama", true),
            ("", true),
            ("caf\u00e9 " + char.ConvertFromUtf32(0x1F3AC), true),
            ("a\0b", false),
            ("\0", false),
            ("lone " + (char)0xD83C + " high", false),
            ("lone " + (char)0xDF2C + " low", false),
            (new string([(char)0xDF2C, (char)0xD83C]), false),
        };

        foreach (var (text, storable) in cases)
        {
            Assert.Equal(storable, QueryStringReader.IsStorableText(text));
        }
    }

    [Fact]
    public void TrySingle_TextTheDatabaseRefuses_IsAnErrorNamingTheParameter()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["genre"] = "a\0b" });

        Assert.False(QueryStringReader.TrySingle(query, "genre", out var value, out var error));
        Assert.Null(value);
        Assert.Equal("genre must not contain NUL characters or broken Unicode", error);
    }

    [Fact]
    public async Task Guard_InputTheDatabaseRefused_IsA400_NotA500()
    {
        var guard = new DatabaseFailureGuard(NullLogger<DatabaseFailureGuard>.Instance);
        var handler = guard.Wrap(_ => throw new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021"));
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await handler(context);

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("VALIDATION_ERROR", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0x00", body, StringComparison.Ordinal);
    }
}
