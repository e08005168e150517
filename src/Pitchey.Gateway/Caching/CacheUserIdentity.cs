namespace Pitchey.Gateway.Caching;

/// <summary>
/// A request's user for a per-user entry: none (no credentials: the cache is bypassed), unknown
/// (credentials whose session is not known yet: the endpoint runs and its answer is stored once the
/// session is), or the user's id.
/// </summary>
internal readonly record struct CacheUserIdentity(CacheUserKind Kind, string? Id)
{
    public static readonly CacheUserIdentity None = new(CacheUserKind.None, null);
    public static readonly CacheUserIdentity Unknown = new(CacheUserKind.Unknown, null);

    public static CacheUserIdentity Known(string id) => new(CacheUserKind.Known, id);
}
