using System.Collections.Concurrent;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// A counter per tag, moved by every eviction this gateway makes. A fill notes its tags' counters
/// when it starts and stores nothing if one moved meanwhile: an answer read before a write must not
/// land in the cache after that write evicted its tag.
/// </summary>
internal sealed class CacheTagVersions
{
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);

    public long Of(string[] tags)
    {
        long sum = 0;
        foreach (var tag in tags)
        {
            sum += _versions.GetValueOrDefault(tag);
        }

        return sum;
    }

    public void Bump(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            _versions.AddOrUpdate(tag, 1, static (_, v) => v + 1);
        }
    }
}
