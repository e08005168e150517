using Pitchey.Gateway.Configuration;

namespace Pitchey.Gateway.Tests.Configuration;

/// <summary>Redis Cluster's rule (cluster-spec, "Hash tags"): the first '{', the first '}' after it, not empty.</summary>
public sealed class RedisHashTagTests
{
    [Theory]
    [InlineData("{pitchey:cache}:e:abc", "pitchey:cache")]
    [InlineData("pitchey:{cache}:t:pitches", "cache")]
    [InlineData("{user1000}.following", "user1000")]
    [InlineData("foo{bar}{zap}", "bar")]
    [InlineData("foo{{bar}}zap", "{bar")]
    [InlineData("foo{bar}}zap", "bar")]
    public void Of_AKeyWithATag_IsTheTextOfTheFirstPair(string key, string tag)
    {
        Assert.Equal(tag, RedisHashTag.Of(key));
    }

    [Theory]
    [InlineData("pitchey:cache:")]
    [InlineData("foo{}{bar}")]
    [InlineData("pitchey{cache:")]
    [InlineData("pitchey}cache{")]
    [InlineData("")]
    public void Of_AKeyWithoutATag_IsNull(string key)
    {
        Assert.Null(RedisHashTag.Of(key));
    }
}
