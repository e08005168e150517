using System.Net;

namespace Pitchey.Gateway.Proxy;

/// <summary>Who may use the operator-only endpoints until they move behind a management port.</summary>
internal static class LocalCallers
{
    /// <summary>
    /// Loopback, and not relayed: a request a trusted proxy forwarded has its remote address
    /// rewritten to the client's and carries X-Original-For, so it is not a local caller.
    /// </summary>
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote
        && IPAddress.IsLoopback(remote)
        && !context.Request.Headers.ContainsKey("X-Original-For");
}
