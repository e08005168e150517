using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace Pitchey.Gateway.RoutingHeaders;

/// <summary>
/// Read-your-writes tokens the gateway issues and only it can make: <c>&lt;lsn&gt;.&lt;issued&gt;.&lt;mac&gt;</c>,
/// the WAL position, its issue time (Unix seconds) and a truncated HMAC-SHA256 of both under
/// <c>Database:Routing:Http:LsnSigningKey</c> (random per process when unset). A token that is
/// unsigned, forged, from another key, or older than <c>LsnCookieMaxAge</c> is ignored, so a client
/// cannot pin its reads to the primary with a made-up position such as <c>FFFFFFFF/FFFFFFFF</c>.
/// </summary>
internal sealed partial class LsnTokens
{
    /// <summary>A token issued up to this far in the future still counts: gateways' clocks differ a little.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    // "FFFFFFFF/FFFFFFFF" + '.' + 20 digits + '.' + 22 characters of MAC.
    private const int MaxLength = 64;
    private const int MacLength = 16;

    private readonly byte[] _key;
    private readonly IOptions<DatabaseRoutingHttpOptions> _options;
    private readonly TimeProvider _time;

    public LsnTokens(IOptions<DatabaseRoutingHttpOptions> options, TimeProvider time, ILogger<LsnTokens> logger)
    {
        _options = options;
        _time = time;
        var secret = options.Value.LsnSigningKey;
        if (string.IsNullOrEmpty(secret))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            LogKeyGenerated(logger);
        }
        else
        {
            _key = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        }
    }

    public string Issue(NpgsqlLogSequenceNumber lsn)
    {
        var payload = $"{lsn}.{_time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return $"{payload}.{Mac(payload)}";
    }

    /// <summary>The position a genuine, fresh token carries; null for anything else.</summary>
    public NpgsqlLogSequenceNumber? Read(string? token)
    {
        if (token is not { Length: > 0 and <= MaxLength })
        {
            return null;
        }

        var macAt = token.LastIndexOf('.');
        var issuedAt = macAt > 0 ? token.LastIndexOf('.', macAt - 1) : -1;
        if (issuedAt <= 0)
        {
            return null;
        }

        // The cheap checks first, the HMAC last: a request may repeat the header many times within
        // its header limit, and a token that is malformed or expired never costs a signature.
        Span<byte> given = stackalloc byte[MacLength + 2];
        if (!Base64Url.IsValid(token.AsSpan(macAt + 1), out var length) || length != MacLength
            || !Base64Url.TryDecodeFromChars(token.AsSpan(macAt + 1), given, out var written) || written != MacLength)
        {
            return null;
        }

        if (!long.TryParse(token.AsSpan(issuedAt + 1, macAt - issuedAt - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return null;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(issued, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (age > _options.Value.LsnCookieMaxAge || age < -ClockSkew)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Sign(token.AsSpan(0, macAt), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, given[..MacLength]))
        {
            return null;
        }

        return NpgsqlLogSequenceNumber.TryParse(token.AsSpan(0, issuedAt), out var lsn) ? lsn : null;
    }

    private string Mac(string payload)
    {
        Span<byte> mac = stackalloc byte[MacLength];
        Sign(payload, mac);
        return Base64Url.EncodeToString(mac);
    }

    private void Sign(ReadOnlySpan<char> payload, Span<byte> destination)
    {
        Span<byte> bytes = stackalloc byte[MaxLength * 3];
        var count = Encoding.UTF8.GetBytes(payload, bytes);
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, bytes[..count], full);
        full[..destination.Length].CopyTo(destination);
    }
}
