namespace Pitchey.Gateway.Caching;

/// <summary>The <c>X-Cache</c> words and the <c>result</c> tag of <c>pitchey.cache.requests</c>.</summary>
internal static class CacheResult
{
    public const string Hit = "HIT";
    public const string Miss = "MISS";
    public const string Stale = "STALE";
    public const string Bypass = "BYPASS";
}
