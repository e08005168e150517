namespace Pitchey.Gateway.Caching;

/// <summary>What a <see cref="CachedResponse"/> may still be used for at a given moment.</summary>
internal enum CacheFreshness
{
    /// <summary>Served as a HIT.</summary>
    Fresh,

    /// <summary>Served as STALE while one refresh runs in the background.</summary>
    Revalidate,

    /// <summary>Used only when the backend fails (served as STALE then).</summary>
    OnErrorOnly,

    /// <summary>Of no use: a miss.</summary>
    Dead,
}
