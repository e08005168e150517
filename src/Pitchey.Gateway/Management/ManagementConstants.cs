namespace Pitchey.Gateway.Management;

/// <summary>Defaults and bounds of <see cref="ManagementOptions"/>, checked by <see cref="ManagementOptionsValidator"/>.</summary>
internal static class ManagementConstants
{
    public const string DefaultUrls = "http://127.0.0.1:8081";

    /// <summary>The <c>Authorization</c> scheme: <c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
    public const string AuthorizationScheme = "ApiKey";

    /// <summary>Hex digits of a SHA-256.</summary>
    public const int KeyHashLength = 64;

    /// <summary>Hosts always allowed in the Host header, besides each listener's own host.</summary>
    public static readonly string[] DefaultAllowedHosts = ["127.0.0.1", "localhost", "::1"];

    public static readonly TimeSpan DefaultHistoryWindow = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MinHistoryWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxHistoryWindow = TimeSpan.FromHours(24);

    public static readonly TimeSpan DefaultHistoryInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MinHistoryInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxHistoryInterval = TimeSpan.FromMinutes(5);

    /// <summary>Most samples the history keeps (window / interval), so memory stays bounded whatever is set.</summary>
    public const int MaxHistorySamples = 20_000;
}
