namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// Per-client rate limits: named policies, referenced by YARP routes (<c>RateLimiterPolicy</c> in
/// <c>gateway.json</c>) and by the tuned endpoints (<see cref="TunedEndpointsPolicy"/>). A client is
/// its address after trusted proxies (<c>Proxy:TrustedProxies</c>), IPv6 by its /64. Bound from
/// <c>RateLimiting</c>; a name nobody defined stops start-up.
/// </summary>
internal sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>The policies by name (case-insensitive). Default: none; the shipped settings define <c>api</c> and <c>tuned</c>.</summary>
    public Dictionary<string, RateLimitPolicyOptions> Policies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy of the tuned endpoints (browse, search, session, dashboards); empty for none. Default none.</summary>
    public string? TunedEndpointsPolicy { get; set; }

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>redis:6379,password=...</c>): when set, every
    /// policy is counted in Redis, shared by all gateways using it; while Redis cannot be reached each
    /// gateway counts on its own. Default unset (in memory, per gateway). A secret: never logged.
    /// </summary>
    public string? Redis { get; set; }
}
