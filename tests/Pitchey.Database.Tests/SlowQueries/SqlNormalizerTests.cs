using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Tests.SlowQueries;

public sealed class SqlNormalizerTests
{
    [Theory]
    [InlineData("SELECT * FROM t WHERE a = $1 AND b = 'x'", "SELECT * FROM t WHERE a = $1 AND b = $2")]
    [InlineData("SELECT 1, 2.5, .5, 1e-3 FROM t1", "SELECT $1, $2, $3, $4 FROM t1")]
    [InlineData("SELECT \"col 1\", t2.x FROM t2 WHERE y = E'a\\'b' AND z = 'it''s'", "SELECT \"col 1\", t2.x FROM t2 WHERE y = $1 AND z = $2")]
    [InlineData("SELECT $body$ secret $body$, $$x$$, B'101', X'1F', U&'d\\0061t'", "SELECT $1, $2, $3, $4, $5")]
    [InlineData("ALTER ROLE app PASSWORD 'hunter2'", "ALTER ROLE app PASSWORD $1")]
    [InlineData("/* pitchey:route=browse */ SELECT p.id FROM pitches p WHERE p.status = 'published' LIMIT $1 OFFSET $2",
        "/* pitchey:route=browse */ SELECT p.id FROM pitches p WHERE p.status = $3 LIMIT $1 OFFSET $2")]
    [InlineData("SELECT 'a' -- it's a comment with 'quotes' 42\nFROM x", "SELECT $1 -- it's a comment with 'quotes' 42\nFROM x")]
    [InlineData("SELECT /* outer /* 'inner' */ 7 */ 8", "SELECT /* outer /* 'inner' */ 7 */ $1")]
    [InlineData("SELECT x::numeric(10,2), interval '1 day'", "SELECT x::numeric($1,$2), interval $3")]
    public void Normalize_ReplacesEveryLiteral_KeepsParametersIdentifiersAndComments(string sql, string expected) =>
        Assert.Equal(expected, SqlNormalizer.Normalize(sql));

    [Fact]
    public void Normalize_AnUnterminatedString_IsRedactedToTheEnd()
    {
        Assert.Equal("SELECT $1", SqlNormalizer.Normalize("SELECT 'never closed secret"));
    }

    [Fact]
    public void Normalize_ALongText_IsCutWithAnEllipsis()
    {
        var text = SqlNormalizer.Normalize("SELECT " + new string('a', 10_000));

        Assert.Equal(SqlNormalizer.MaxLength, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/* pitchey:route=browse */ SELECT 1", "browse")]
    [InlineData("  /* pitchey:route=creator-dashboard */ WITH x AS (SELECT 1) SELECT 1", "creator-dashboard")]
    [InlineData("SELECT 1 /* pitchey:route=browse */", null)]
    [InlineData("/* pitchey:route=Bad Name */ SELECT 1", null)]
    [InlineData("/* pitchey:insight */ SELECT 1", null)]
    public void RouteOf_ReadsTheLeadingTagOnly(string sql, string? route) => Assert.Equal(route, SqlTags.RouteOf(sql));

    [Fact]
    public void TheTags_AreConstantPerQuery_AndNamedAfterIt() =>
        Assert.Equal("/* pitchey:route=session */ ", SqlTags.Session);
}
