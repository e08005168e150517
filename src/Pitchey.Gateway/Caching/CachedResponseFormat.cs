using System.Text;
using Microsoft.Extensions.Primitives;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// The bytes of a <see cref="CachedResponse"/> in Redis: a version byte, then fields in a fixed
/// order (times as Unix milliseconds). A value this gateway cannot read (another version, a
/// truncated write) is a miss, never an error.
/// </summary>
internal static class CachedResponseFormat
{
    private const byte Version = 1;

    public static byte[] Write(CachedResponse entry)
    {
        using var stream = new MemoryStream(entry.Body.Length + 512);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(entry.StatusCode);
            writer.Write(entry.Created.ToUnixTimeMilliseconds());
            writer.Write(entry.FreshUntil.ToUnixTimeMilliseconds());
            writer.Write(entry.RevalidateUntil.ToUnixTimeMilliseconds());
            writer.Write(entry.ErrorUntil.ToUnixTimeMilliseconds());
            WriteStrings(writer, entry.Tags);
            writer.Write(entry.IsManifest);
            writer.Write(entry.VaryHeaders is not null);
            if (entry.VaryHeaders is { } vary)
            {
                WriteStrings(writer, vary);
            }

            writer.Write(entry.Headers.Length);
            foreach (var (name, values) in entry.Headers)
            {
                writer.Write(name);
                WriteStrings(writer, values.Select(v => v ?? "").ToArray());
            }

            writer.Write(entry.Body.Length);
            writer.Write(entry.Body);
        }

        return stream.ToArray();
    }

    public static CachedResponse? Read(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                return null;
            }

            var status = reader.ReadInt32();
            var created = Time(reader.ReadInt64());
            var fresh = Time(reader.ReadInt64());
            var revalidate = Time(reader.ReadInt64());
            var error = Time(reader.ReadInt64());
            var tags = ReadStrings(reader);
            var manifest = reader.ReadBoolean();
            var vary = reader.ReadBoolean() ? ReadStrings(reader) : null;
            var headers = new KeyValuePair<string, StringValues>[Count(reader)];
            for (var i = 0; i < headers.Length; i++)
            {
                var name = reader.ReadString();
                headers[i] = new KeyValuePair<string, StringValues>(name, new StringValues(ReadStrings(reader)));
            }

            var length = Count(reader);
            var body = reader.ReadBytes(length);
            if (body.Length != length || reader.BaseStream.Position != bytes.Length)
            {
                // ReadBytes stops short at the end instead of throwing: a truncated value.
                return null;
            }

            return new CachedResponse
            {
                StatusCode = status, Headers = headers, Body = body, Created = created, FreshUntil = fresh,
                RevalidateUntil = revalidate, ErrorUntil = error, Tags = tags, VaryHeaders = vary, IsManifest = manifest,
            };
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteStrings(BinaryWriter writer, string[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[Count(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count is >= 0 and <= 64 * 1024 * 1024 ? count : throw new FormatException("implausible count");
    }

    private static DateTimeOffset Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
