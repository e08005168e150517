using System.Security.Cryptography;
using System.Text;

namespace Pitchey.Gateway.Management;

/// <summary>
/// Checks <c>Authorization: ApiKey &lt;key&gt;</c> against the configured SHA-256. The key is hashed
/// and the two hashes compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so the
/// time taken says nothing about how much of a guess was right, nor how long the key is.
/// </summary>
internal sealed class ApiKeyVerifier
{
    private readonly byte[] _expected;

    /// <param name="keySha256">64 hex digits (checked by <see cref="ManagementOptionsValidator"/>).</param>
    public ApiKeyVerifier(string keySha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(keySha256);
        _expected = Convert.FromHexString(keySha256);
    }

    /// <summary>True when <paramref name="authorization"/> is <c>ApiKey</c> (any case) and a key whose hash matches.</summary>
    public bool IsValid(string? authorization)
    {
        if (authorization is null)
        {
            return false;
        }

        var value = authorization.AsSpan().Trim();
        var scheme = ManagementConstants.AuthorizationScheme;
        if (value.Length <= scheme.Length + 1
            || !value[..scheme.Length].Equals(scheme, StringComparison.OrdinalIgnoreCase)
            || value[scheme.Length] != ' ')
        {
            return false;
        }

        var key = value[(scheme.Length + 1)..].Trim();
        var bytes = Encoding.UTF8.GetBytes(key.ToString());
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        CryptographicOperations.ZeroMemory(bytes);
        return key.Length > 0 && CryptographicOperations.FixedTimeEquals(hash, _expected);
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="key"/>: what <c>Management:ApiKeySha256</c> holds.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
