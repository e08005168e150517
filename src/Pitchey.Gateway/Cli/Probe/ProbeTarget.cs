using System.Globalization;

namespace Pitchey.Gateway.Cli.Probe;

/// <summary>
/// Where <c>probe</c> sends its GET when no <c>--url</c> is given: the first <c>http://</c> entry of
/// the <c>Urls</c> setting the gateway listens on, with a wildcard host (<c>0.0.0.0</c>, <c>[::]</c>,
/// <c>+</c>, <c>*</c>) replaced by <c>127.0.0.1</c>, since a listener on every address answers on loopback.
/// </summary>
internal static class ProbeTarget
{
    /// <summary>The path probed by default: liveness, answered without consulting any check.</summary>
    public const string DefaultPath = "/health/live";

    private static readonly string[] WildcardHosts = ["0.0.0.0", "[::]", "+", "*", ""];

    /// <summary>The URL to probe, or null when <paramref name="urls"/> has no http:// entry with a fixed port.</summary>
    public static Uri? FromUrls(string? urls, string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var entry in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!entry.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                continue; // https would need the certificate's name, not a loopback address
            }

            var authority = entry["http://".Length..].Split('/')[0];
            var colon = authority.LastIndexOf(':');
            var closing = authority.LastIndexOf(']');
            var (host, port) = colon > closing
                ? (authority[..colon], authority[(colon + 1)..])
                : (authority, "80");
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                continue; // port 0 is picked at start-up: nothing outside the process knows it
            }

            if (WildcardHosts.Contains(host, StringComparer.Ordinal))
            {
                host = "127.0.0.1";
            }

            return Uri.TryCreate($"http://{host}:{number}{path}", UriKind.Absolute, out var uri) ? uri : null;
        }

        return null;
    }
}
