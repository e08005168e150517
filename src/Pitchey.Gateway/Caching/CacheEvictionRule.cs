namespace Pitchey.Gateway.Caching;

/// <summary>One entry of <c>Cache:WriteEvictions</c>: a successful write (POST, PUT, PATCH, DELETE answered 2xx) under <see cref="PathPrefix"/> evicts <see cref="Tags"/>.</summary>
internal sealed class CacheEvictionRule
{
    /// <summary>A path prefix, matched by whole segments (<c>/api/pitches</c> matches <c>/api/pitches/7</c>, not <c>/api/pitchesx</c>).</summary>
    public string? PathPrefix { get; set; }

    /// <summary>The tags evicted.</summary>
    public List<string> Tags { get; set; } = [];
}
