namespace Pitchey.Gateway.Caching;

/// <summary>Where nothing can tell users apart, no request has one: per-user policies are bypassed.</summary>
internal sealed class NoCacheUser : ICacheUser
{
    public CacheUserIdentity Identify(HttpContext context) => CacheUserIdentity.None;
}
