using Pitchey.Gateway.Caching;
using Pitchey.Gateway.Configuration;

namespace Pitchey.Gateway.Tests.Caching;

/// <summary>
/// The key layout a Redis Cluster needs: with a hash tag in the prefix, every key of the cache (entry,
/// tag set, tag counter) carries the prefix's tag as its first, so all are in one slot; without
/// one, no key has a tag that the text after the prefix could have made.
/// </summary>
public sealed class RedisCacheKeysTests
{
    private static readonly string[] CacheKeys = ["GET /api/pitches/browse/enhanced?genre=Drama", "GET /x?q={a}", "u:42|GET /api/creator/dashboard", ""];
    private static readonly string[] Tags = ["pitches", "a-b_c.d", "x"];

    [Theory]
    [InlineData("{pitchey:cache}:", "pitchey:cache")]
    [InlineData("pitchey:{cache}:", "cache")]
    [InlineData("{pitchey}", "pitchey")]
    [InlineData("a{}b{c}:", null)]
    [InlineData("pitchey:cache:", null)]
    [InlineData("pitchey{cache:", null)]
    public void EveryKey_CarriesThePrefixsHashTag(string prefix, string? tag)
    {
        var keys = new RedisCacheKeys(prefix);

        Assert.Equal(tag, RedisHashTag.Of(prefix));
        foreach (var key in CacheKeys.Select(keys.Entry).Concat(Tags.Select(keys.TagSet)).Concat(Tags.Select(keys.TagCounter)))
        {
            Assert.StartsWith(prefix, key.ToString(), StringComparison.Ordinal);
            Assert.Equal(tag, RedisHashTag.Of(key.ToString()));
        }
    }

    [Fact]
    public void Keys_AreThePrefixAndAKindLetter_WithTheEntryHashed()
    {
        var keys = new RedisCacheKeys("{p}:");

        Assert.Equal("{p}:t:pitches", keys.TagSet("pitches").ToString());
        Assert.Equal("{p}:v:pitches", keys.TagCounter("pitches").ToString());
        var entry = keys.Entry("GET /api/pitches/public?x={y}").ToString();
        Assert.Matches("^\\{p\\}:e:[A-Za-z0-9_-]{43}$", entry);
    }
}
