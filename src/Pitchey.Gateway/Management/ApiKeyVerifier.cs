using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Pitchey.Gateway.Management;

/// <summary>
/// Checks <c>Authorization: ApiKey &lt;key&gt;</c> against the configured SHA-256. The key is hashed
/// and the two hashes compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so the
/// time taken says nothing about how much of a guess was right, nor how long the key is. The key's
/// UTF-8 bytes are encoded from the header's span into a buffer cleared afterwards: no string copy
/// of a key (right or wrong) is left on the heap for a dump to show.
/// </summary>
internal sealed class ApiKeyVerifier
{
    private const int StackBytes = 256;

    private readonly byte[] _expected;

    /// <param name="keySha256">64 hex digits (checked by <see cref="ManagementOptionsValidator"/>).</param>
    public ApiKeyVerifier(string keySha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(keySha256);
        _expected = Convert.FromHexString(keySha256);
    }

    /// <summary>
    /// True when <paramref name="authorization"/> is one header, <c>ApiKey</c> (any case) and a key
    /// whose hash matches. A repeated header is refused: which of its values would be meant is unclear.
    /// </summary>
    public bool IsValid(StringValues authorization) => authorization.Count == 1 && Matches(authorization[0].AsSpan());

    private bool Matches(ReadOnlySpan<char> authorization)
    {
        var value = authorization.Trim();
        var scheme = ManagementConstants.AuthorizationScheme;
        if (value.Length <= scheme.Length + 1
            || !value[..scheme.Length].Equals(scheme, StringComparison.OrdinalIgnoreCase)
            || value[scheme.Length] != ' ')
        {
            return false;
        }

        var key = value[(scheme.Length + 1)..].Trim();
        var most = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        Span<byte> buffer = most <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(most));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var written = 0;
        try
        {
            written = Encoding.UTF8.GetBytes(key, buffer);
            SHA256.HashData(buffer[..written], hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer[..written]);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return key.Length > 0 && CryptographicOperations.FixedTimeEquals(hash, _expected);
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="key"/>: what <c>Management:ApiKeySha256</c> holds.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
