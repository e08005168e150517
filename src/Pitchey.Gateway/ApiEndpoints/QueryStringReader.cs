using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// Reads one query-string parameter at a time for <see cref="BrowseParameters"/> and
/// <see cref="SearchParameters"/>. A rejection is a message that starts with the parameter's name,
/// so the 400 tells the caller what to fix. No exceptions on bad input.
/// </summary>
internal static class QueryStringReader
{
    public const int MaxLimit = 100;
    public const int MaxFilterLength = 100;

    public static bool TryInt(IQueryCollection query, string name, int fallback, int min, int max, out int value, out string? error)
    {
        value = fallback;
        if (!TrySingle(query, name, out var text, out error))
        {
            return false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            error = max == int.MaxValue
                ? $"{name} must be an integer of at least {min}"
                : $"{name} must be an integer between {min} and {max}";
            return false;
        }

        return true;
    }

    public static bool TryFilter(IQueryCollection query, string name, out string? value, out string? error)
    {
        if (!TrySingle(query, name, out value, out error))
        {
            return false;
        }

        value = value?.Trim();
        if (string.IsNullOrEmpty(value) || Is(value, "all"))
        {
            // The frontend's "All genres" choice.
            value = null;
            return true;
        }

        if (value.Length > MaxFilterLength)
        {
            error = $"{name} must be at most {MaxFilterLength} characters";
            value = null;
            return false;
        }

        return true;
    }

    public static bool TrySingle(IQueryCollection query, string name, out string? value, out string? error)
    {
        error = null;
        value = null;
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1)
        {
            error = $"{name} must be given at most once";
            return false;
        }

        value = values[0];
        if (value is not null && !IsStorableText(value))
        {
            error = $"{name} must not contain NUL characters or broken Unicode";
            value = null;
            return false;
        }

        return true;
    }

    /// <summary>
    /// False for text PostgreSQL refuses (a NUL character: SQLSTATE 22021) or Npgsql cannot encode
    /// (an unpaired surrogate), so such input is a 400 naming its parameter and the database is
    /// never asked.
    /// </summary>
    public static bool IsStorableText(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Is(string text, string word) => string.Equals(text, word, StringComparison.OrdinalIgnoreCase);
}
