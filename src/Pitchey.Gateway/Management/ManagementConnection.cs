namespace Pitchey.Gateway.Management;

/// <summary>
/// A connection feature set by the management listener's connection middleware on every connection
/// it accepts. Kestrel's request features fall back to the connection's, so a request "is a
/// management request" exactly when it came in on that socket; the Host header plays no part.
/// </summary>
internal sealed class ManagementConnection
{
    public static readonly ManagementConnection Instance = new();

    private ManagementConnection()
    {
    }

    public static bool Is(HttpContext context) => context.Features.Get<ManagementConnection>() is not null;
}
