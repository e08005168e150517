namespace Pitchey.Gateway.Caching;

/// <summary>
/// What the cache knows about one endpoint: its policy, the label of its metrics (the YARP route id,
/// or the tuned endpoint's policy name) and whether it forwards to an upstream, whose
/// <c>Cache-Control</c> and <c>Vary</c> then count.
/// </summary>
internal sealed record CacheRoute(CachePolicy Policy, string Label, bool Forwarded);
