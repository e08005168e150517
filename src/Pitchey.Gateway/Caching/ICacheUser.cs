namespace Pitchey.Gateway.Caching;

/// <summary>
/// Who a request of a per-user policy belongs to. The tuned endpoints' implementation reads the
/// session the gateway already holds for the request's token: a per-user entry is only ever
/// served while that session is live, to that session's user.
/// </summary>
internal interface ICacheUser
{
    CacheUserIdentity Identify(HttpContext context);
}
