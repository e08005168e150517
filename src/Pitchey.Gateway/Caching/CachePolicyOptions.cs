namespace Pitchey.Gateway.Caching;

/// <summary>
/// One named cache policy (<c>Cache:Policies:&lt;name&gt;</c>): how long an answer is fresh, how long
/// it may be served stale, which tags evict it, what else keys it, and whether it is per user.
/// Tuned endpoints use the policies named in <see cref="CacheConstants"/>; a YARP route names one in
/// its <c>OutputCachePolicy</c>.
/// </summary>
internal sealed class CachePolicyOptions
{
    /// <summary>
    /// How long an answer is fresh (served as a HIT). For forwarded routes the upstream's
    /// <c>s-maxage</c> or <c>max-age</c> takes its place when it sends one. 0 turns the policy off.
    /// Default 60 s, range 0..1 day.
    /// </summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After <see cref="Ttl"/>, how long the old answer is still served (STALE) while one refresh runs
    /// in the background (RFC 5861 stale-while-revalidate). Default 0 (off), range 0..7 days.
    /// Per-user policies never serve stale.
    /// </summary>
    public TimeSpan StaleWhileRevalidate { get; set; }

    /// <summary>
    /// After <see cref="Ttl"/>, how long the last good answer is served (STALE, with <c>Age</c>) while
    /// the backend fails (a 5xx, an open breaker, a database that does not answer): RFC 5861
    /// stale-if-error, the max-stale age. Default 0 (off), range 0..7 days.
    /// </summary>
    public TimeSpan StaleIfError { get; set; }

    /// <summary>Tags of every entry of this policy; a write matching a <c>Cache:WriteEvictions</c> rule evicts them. Default none.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Request headers whose values are part of the key (besides path and query, and the upstream's <c>Vary</c>). Default none.</summary>
    public List<string> VaryByHeaders { get; set; } = [];

    /// <summary>
    /// Entries are keyed by the signed-in user and never shared (the session and creator dashboard);
    /// a request without a session bypasses the cache. Default false: entries are shared, and only
    /// anonymous requests (no <c>Authorization</c>, no session cookie) use them.
    /// </summary>
    public bool PerUser { get; set; }
}
