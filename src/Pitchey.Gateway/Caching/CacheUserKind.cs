namespace Pitchey.Gateway.Caching;

/// <summary>See <see cref="CacheUserIdentity"/>.</summary>
internal enum CacheUserKind
{
    None,
    Unknown,
    Known,
}
