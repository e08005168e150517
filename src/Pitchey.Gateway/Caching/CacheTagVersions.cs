using System.Collections.Concurrent;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// The in-memory store's counter per tag (<see cref="IResponseCacheStore"/>), moved by every eviction.
/// A fill's version is the sum of its tags' counters: they only grow, so any eviction changes it.
/// </summary>
internal sealed class CacheTagVersions
{
    /// <summary>A version no counters ever sum to: what a store gives when it cannot read them (nothing is then stored).</summary>
    public const long Unknown = -1;

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
