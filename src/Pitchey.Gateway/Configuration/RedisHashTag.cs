namespace Pitchey.Gateway.Configuration;

/// <summary>
/// The hash tag of a Redis key, by Redis Cluster's rule: the text between the key's first <c>{</c>
/// and the first <c>}</c> after it, when that text is not empty; a Cluster hashes only the tag, so
/// keys with one tag share a slot (and a multi-key script over them runs). Without a tag the whole
/// key is hashed.
/// </summary>
internal static class RedisHashTag
{
    /// <summary>The tag of <paramref name="key"/>, or null when it has none (no <c>{</c>, no <c>}</c> after it, or <c>{}</c>).</summary>
    public static string? Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var open = key.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var close = key.IndexOf('}', open + 1);
        return close > open + 1 ? key[(open + 1)..close] : null;
    }
}
