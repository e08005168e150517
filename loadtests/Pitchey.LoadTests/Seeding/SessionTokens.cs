using System.Buffers.Text;
using System.Security.Cryptography;
using Pitchey.Database.Queries;

namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// Session tokens as the existing API makes them: 24 bytes from a CSPRNG, base64url. The table holds
/// the token itself, or in hashed-token mode its SHA-256 the way the gateway looks it up.
/// </summary>
internal sealed class SessionTokens(bool hashed)
{
    private readonly byte[] _bytes = new byte[24];

    public string Next()
    {
        RandomNumberGenerator.Fill(_bytes);
        return Base64Url.EncodeToString(_bytes);
    }

    /// <summary>What <c>sessions.id</c> stores for <paramref name="token"/>.</summary>
    public string Stored(string token) => hashed ? SessionQuery.HashToken(token) : token;
}
