using System.Collections;
using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Pitchey.Database.SlowQueries;

/// <summary>
/// What may be told of a parameter: its position, type and size, never its value (a session
/// token, an e-mail address, a search term). <paramref name="Length"/> is the character count of
/// text, the byte count of binary data, the element count of an array; null for fixed-size types.
/// </summary>
public sealed record ParameterShape(int Position, string Type, int? Length, bool IsNull)
{
    // Every routed read records its parameters' shapes in case it turns out slow, and Npgsql builds
    // a parameter's DataTypeName anew on each call (a string per parameter per read): a type's name
    // is looked up once. Keyed by NpgsqlDbType, so a bounded set.
    private static readonly ConcurrentDictionary<NpgsqlDbType, string> TypeNames = new();

    public static ParameterShape Of(NpgsqlParameter parameter, int position)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var value = parameter.Value;
        var isNull = value is null or DBNull;
        int? length = value switch
        {
            string text => text.Length,
            byte[] bytes => bytes.Length,
            ICollection items => items.Count,
            _ => null,
        };
        return new ParameterShape(position, TypeName(parameter), length, isNull);
    }

    /// <summary>The name of the parameter's type: its NpgsqlDbType's own, else the DataTypeName it was given (a type Npgsql has no enum value for).</summary>
    private static string TypeName(NpgsqlParameter parameter) =>
        parameter.NpgsqlDbType is var type and not NpgsqlDbType.Unknown
            ? TypeNames.GetOrAdd(type, static t => new NpgsqlParameter { NpgsqlDbType = t }.DataTypeName ?? t.ToString().ToLowerInvariant())
            : parameter.DataTypeName ?? "unknown";
}
