namespace Pitchey.Gateway.RoutingHeaders;

/// <summary>Defaults and bounds of <see cref="DatabaseRoutingHttpOptions"/>, checked by <see cref="DatabaseRoutingHttpOptionsValidator"/>.</summary>
internal static class DatabaseRoutingHttpConstants
{
    public const bool DefaultDecisionHeader = false;
    public const bool DefaultReadYourWrites = true;
    public const int MinLsnSigningKeyLength = 32;

    public static readonly TimeSpan DefaultLsnCookieMaxAge = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MinLsnCookieMaxAge = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxLsnCookieMaxAge = TimeSpan.FromHours(1);
}
