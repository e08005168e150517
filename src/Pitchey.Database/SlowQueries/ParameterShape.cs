using System.Collections;
using Npgsql;

namespace Pitchey.Database.SlowQueries;

/// <summary>
/// What may be told of a parameter: its position, type and size, never its value (a session
/// token, an e-mail address, a search term). <paramref name="Length"/> is the character count of
/// text, the byte count of binary data, the element count of an array; null for fixed-size types.
/// </summary>
public sealed record ParameterShape(int Position, string Type, int? Length, bool IsNull)
{
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
        return new ParameterShape(position, parameter.DataTypeName ?? parameter.NpgsqlDbType.ToString().ToLowerInvariant(), length, isNull);
    }
}
