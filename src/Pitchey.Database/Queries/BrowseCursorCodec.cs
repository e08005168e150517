using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pitchey.Database.Queries;

/// <summary>
/// Turns cursors into opaque strings and back. The string is base64url of a small binary payload
/// plus a truncated HMAC-SHA256 over the payload and the request's filters: a cursor edited by hand,
/// or replayed with other filters, fails validation instead of silently showing a wrong page.
/// </summary>
public sealed class BrowseCursorCodec
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 1 + 1 + 8 + 8 + 8;
    private const int MacLength = 16;
    private const int TotalLength = PayloadLength + MacLength;

    /// <summary>The longest string <see cref="TryDecode"/> looks at; anything longer is rejected unread.</summary>
    public const int MaxEncodedLength = 64;

    private readonly byte[] _key;

    public BrowseCursorCodec(string? secret)
    {
        _key = string.IsNullOrEmpty(secret) ? RandomNumberGenerator.GetBytes(32) : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    public string Encode(BrowseCursor cursor, BrowseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(filter);
        Span<byte> buffer = stackalloc byte[TotalLength];
        buffer[0] = Version;
        buffer[1] = (byte)cursor.Sort;
        buffer[2] = cursor.Descending ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64LittleEndian(buffer[3..], cursor.SortValue);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[11..], cursor.Id);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[19..], cursor.RowsBefore);
        Sign(buffer[..PayloadLength], filter, buffer[PayloadLength..]);
        return Base64Url.EncodeToString(buffer);
    }

    /// <summary>Decodes and verifies a cursor; false for anything malformed, forged or issued for other filters.</summary>
    public bool TryDecode(string? text, BrowseFilter filter, out BrowseCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxEncodedLength)
        {
            return false;
        }

        // TryDecodeFromChars throws on characters outside the alphabet; check first (user input).
        if (!Base64Url.IsValid(text.AsSpan(), out var length) || length != TotalLength)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[MaxEncodedLength];
        if (!Base64Url.TryDecodeFromChars(text, buffer, out var written) || written != TotalLength || buffer[0] != Version)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Sign(buffer[..PayloadLength], filter, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, buffer.Slice(PayloadLength, MacLength)))
        {
            return false;
        }

        var sort = buffer[1];
        var id = BinaryPrimitives.ReadInt64LittleEndian(buffer[11..]);
        var rowsBefore = BinaryPrimitives.ReadInt64LittleEndian(buffer[19..]);
        if (sort > (byte)BrowseSort.Budget || buffer[2] > 1 || id < 0 || rowsBefore < 0)
        {
            return false;
        }

        cursor = new BrowseCursor((BrowseSort)sort, buffer[2] == 1, BinaryPrimitives.ReadInt64LittleEndian(buffer[3..]), id, rowsBefore);
        return true;
    }

    private void Sign(ReadOnlySpan<byte> payload, BrowseFilter filter, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(payload);
        Append(hmac, filter.Genre);
        Append(hmac, filter.Format);
        Append(hmac, filter.Stage);
        Append(hmac, filter.BudgetMin?.ToString(CultureInfo.InvariantCulture));
        Append(hmac, filter.BudgetMax?.ToString(CultureInfo.InvariantCulture));
        Span<byte> full = stackalloc byte[32];
        hmac.GetHashAndReset(full);
        full[..MacLength].CopyTo(mac);
    }

    private static void Append(IncrementalHash hmac, string? value)
    {
        // A length prefix keeps ("ab", "c") and ("a", "bc") apart; -1 marks "absent".
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, value is null ? -1 : Encoding.UTF8.GetByteCount(value));
        hmac.AppendData(length);
        if (value is not null)
        {
            hmac.AppendData(Encoding.UTF8.GetBytes(value));
        }
    }
}
