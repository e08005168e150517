using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// Whom a request is counted against: its client address, which after the forwarded-headers step
/// is the real client behind a trusted proxy and otherwise the socket's peer. An IPv6 client is
/// counted by its /64, the block a single subscriber gets and can rotate addresses within.
/// </summary>
/// <remarks>
/// The 128 bits of the address as IPv6 (an IPv4 client as <c>::ffff:a.b.c.d</c>, so a mapped and a
/// plain IPv4 address are one client), the last 64 cleared for IPv6: the partitioner runs on every
/// request, and a struct of two numbers is compared and hashed without making a string or an
/// <see cref="IPAddress"/>. The text (<see cref="ToString"/>: <c>203.0.113.9</c>,
/// <c>2001:db8:1:2::/64</c>, <c>unknown</c>) is made only for a new partition's Redis key.
/// </remarks>
internal readonly record struct ClientPartitionKey(ulong High, ulong Low)
{
    private const ulong MappedPrefix = 0xFFFF_0000_0000;

    // No address (a test host, a pipe): all ones, which no IPv6 /64 (its low half is 0) or IPv4 address is.
    private static readonly ClientPartitionKey Unknown = new(ulong.MaxValue, ulong.MaxValue);

    public static ClientPartitionKey Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return Unknown;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            address.TryWriteBytes(bytes, out _);
            return new ClientPartitionKey(0, MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }

        address.TryWriteBytes(bytes, out _);
        var high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var low = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        return address.IsIPv4MappedToIPv6 ? new ClientPartitionKey(0, low) : new ClientPartitionKey(high, 0);
    }

    public override string ToString()
    {
        if (this == Unknown)
        {
            return "unknown";
        }

        Span<byte> bytes = stackalloc byte[16];
        if (High == 0 && (Low >> 32) == 0xFFFF)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Low);
            return new IPAddress(bytes[..4]).ToString();
        }

        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        return new IPAddress(bytes).ToString() + "/64";
    }
}
