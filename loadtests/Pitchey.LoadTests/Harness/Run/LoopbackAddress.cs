using System.Net;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>
/// The one rule for every address <c>run</c> sends to: http, on this machine (127.0.0.0/8, ::1 or
/// localhost). Load goes nowhere else; anything else is a usage error that names the option.
/// </summary>
internal static class LoopbackAddress
{
    /// <summary>The address, or why it is refused (the message names <paramref name="option"/>).</summary>
    public static Uri? Parse(string text, string option, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            error = $"{option} must be an http:// address on this machine, got '{text}'";
            return null;
        }

        if (Resolve(uri) is null)
        {
            error = $"{option} must be a loopback address (127.0.0.0/8, ::1 or localhost): load goes to this machine only, got '{text}'";
            return null;
        }

        error = null;
        return uri;
    }

    /// <summary>The IP address of a loopback <paramref name="uri"/>; null for any other host.</summary>
    public static IPEndPoint? Resolve(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var host = uri.IdnHost;
        IPAddress? address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) && IPAddress.IsLoopback(parsed) ? parsed
            : null;
        return address is null ? null : new IPEndPoint(address, uri.Port);
    }
}
