using System.Globalization;
using Pitchey.Database.Queries;
using Pitchey.Gateway.Caching;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// The user of a per-user cache entry (session, creator dashboard): the session the gateway holds
/// for the request's token in its session cache. That cache never serves past a session's
/// <c>expires_at</c> and forgets a revoked one within <c>TunedQueries:SessionCacheTtl</c>, so a
/// per-user entry is served only while its session is live; a token the cache does not know is
/// resolved by the endpoint itself (and its answer stored under the user it turns out to be).
/// </summary>
internal sealed class SessionCacheUser(SessionQuery sessions) : ICacheUser
{
    public CacheUserIdentity Identify(HttpContext context)
    {
        if (SessionKeyFeature.Of(context, sessions) is not { } key)
        {
            return CacheUserIdentity.None;
        }

        return sessions.TryGetCached(key, out var user) && user is not null
            ? CacheUserIdentity.Known(user.Id.ToString(CultureInfo.InvariantCulture))
            : CacheUserIdentity.Unknown;
    }
}
