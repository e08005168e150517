using System.Net;
using System.Net.Sockets;

namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// Whom a request is counted against: its client address, which after the forwarded-headers step
/// is the real client behind a trusted proxy and otherwise the socket's peer. An IPv6 client is
/// counted by its /64, the block a single subscriber gets and can rotate addresses within.
/// </summary>
internal static class ClientPartitionKey
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
