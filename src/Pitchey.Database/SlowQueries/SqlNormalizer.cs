using System.Globalization;
using System.Text;

namespace Pitchey.Database.SlowQueries;

/// <summary>
/// Statement text safe to show: every literal (strings in any quoting, dollar-quoted bodies, bit and
/// hex strings, numbers) becomes a placeholder <c>$n</c> numbered after the statement's own
/// parameters, as <c>pg_stat_statements</c> shows statements, so a text from the gateway, from
/// <c>pg_stat_activity</c> or from <c>pg_stat_statements</c> (whose utility statements keep their
/// literals, <c>ALTER ROLE ... PASSWORD '...'</c> among them) never carries a value. Parameters
/// (<c>$1</c>), identifiers (<c>"t1"</c>, <c>t1</c>), comments and layout stay as written.
/// </summary>
public static class SqlNormalizer
{
    /// <summary>Longest text returned; longer ones are cut and end in an ellipsis.</summary>
    public const int MaxLength = 4096;

    public static string Normalize(string? sql)
    {
        if (string.IsNullOrEmpty(sql))
        {
            return "";
        }

        var next = HighestParameter(sql) + 1;
        var text = new StringBuilder(Math.Min(sql.Length, MaxLength) + 16);
        var i = 0;
        while (i < sql.Length && text.Length < MaxLength)
        {
            var end = LiteralEnd(sql, i);
            if (end > i)
            {
                text.Append('$').Append(next++.ToString(CultureInfo.InvariantCulture));
                i = end;
                continue;
            }

            end = SkipNonLiteral(sql, i);
            text.Append(sql, i, end - i);
            i = end;
        }

        if (i < sql.Length || text.Length > MaxLength)
        {
            text.Length = Math.Min(text.Length, MaxLength - 1);
            text.Append('…');
        }

        return text.ToString();
    }

    /// <summary>The highest <c>$n</c> parameter outside literals and comments (0 when none).</summary>
    private static int HighestParameter(string sql)
    {
        var highest = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var end = LiteralEnd(sql, i);
            if (end > i)
            {
                i = end;
                continue;
            }

            if (sql[i] == '$' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1]) && !IsWordChar(sql, i - 1))
            {
                var digits = i + 1;
                while (digits < sql.Length && char.IsAsciiDigit(sql[digits]))
                {
                    digits++;
                }

                if (int.TryParse(sql.AsSpan(i + 1, Math.Min(digits - i - 1, 9)), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    highest = Math.Max(highest, n);
                }

                i = digits;
                continue;
            }

            i = SkipNonLiteral(sql, i);
        }

        return highest;
    }

    /// <summary>
    /// Past what starts at <paramref name="i"/> when it is not a literal: a comment, a quoted
    /// identifier, a word (with its digits), a parameter, or one character.
    /// </summary>
    private static int SkipNonLiteral(string sql, int i)
    {
        var c = sql[i];
        if (c == '-' && At(sql, i + 1) == '-')
        {
            var eol = sql.IndexOf('\n', i);
            return eol < 0 ? sql.Length : eol;
        }

        if (c == '/' && At(sql, i + 1) == '*')
        {
            // Block comments nest in PostgreSQL.
            var depth = 0;
            var j = i;
            while (j < sql.Length)
            {
                if (sql[j] == '/' && At(sql, j + 1) == '*')
                {
                    depth++;
                    j += 2;
                }
                else if (sql[j] == '*' && At(sql, j + 1) == '/')
                {
                    j += 2;
                    if (--depth == 0)
                    {
                        return j;
                    }
                }
                else
                {
                    j++;
                }
            }

            return sql.Length;
        }

        if (c == '"')
        {
            var close = i + 1;
            while (close < sql.Length)
            {
                if (sql[close] == '"' && At(sql, close + 1) != '"')
                {
                    return close + 1;
                }

                close += sql[close] == '"' ? 2 : 1;
            }

            return sql.Length;
        }

        if (char.IsLetter(c) || c == '_' || (c == '$' && char.IsAsciiDigit(At(sql, i + 1))))
        {
            var j = i + 1;
            while (j < sql.Length && IsWordChar(sql, j))
            {
                j++;
            }

            return j;
        }

        return i + 1;
    }

    /// <summary>The end of the literal starting at <paramref name="i"/>, or <paramref name="i"/> when none starts there.</summary>
    private static int LiteralEnd(string sql, int i)
    {
        var c = sql[i];
        var previousIsWord = IsWordChar(sql, i - 1);
        if (!previousIsWord && At(sql, i + 1) == '\'' && c is 'E' or 'e' or 'B' or 'b' or 'X' or 'x' or 'N' or 'n')
        {
            return QuotedEnd(sql, i + 1, backslashEscapes: c is 'E' or 'e');
        }

        if (!previousIsWord && (c is 'U' or 'u') && At(sql, i + 1) == '&' && At(sql, i + 2) == '\'')
        {
            return QuotedEnd(sql, i + 2, backslashEscapes: false);
        }

        if (c == '\'')
        {
            return QuotedEnd(sql, i, backslashEscapes: false);
        }

        if (c == '$' && !previousIsWord && DollarTagEnd(sql, i) is var tagEnd && tagEnd > i)
        {
            var tag = sql.AsSpan(i, tagEnd - i);
            var close = sql.AsSpan(tagEnd).IndexOf(tag, StringComparison.Ordinal);
            return close < 0 ? sql.Length : tagEnd + close + tag.Length;
        }

        var numberStart = char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(sql, i + 1)));
        if (numberStart && !previousIsWord && At(sql, i - 1) != '$')
        {
            var j = i;
            while (j < sql.Length && (char.IsAsciiLetterOrDigit(sql[j]) || sql[j] == '.' || sql[j] == '_'
                       || ((sql[j] == '+' || sql[j] == '-') && sql[j - 1] is 'e' or 'E' && char.IsAsciiDigit(sql[i]))))
            {
                j++;
            }

            return j;
        }

        return i;
    }

    /// <summary>Past the closing quote of a string starting at the quote <paramref name="quote"/>; '' is an escaped quote.</summary>
    private static int QuotedEnd(string sql, int quote, bool backslashEscapes)
    {
        var j = quote + 1;
        while (j < sql.Length)
        {
            if (backslashEscapes && sql[j] == '\\')
            {
                j += 2;
                continue;
            }

            if (sql[j] == '\'')
            {
                if (At(sql, j + 1) == '\'')
                {
                    j += 2;
                    continue;
                }

                return j + 1;
            }

            j++;
        }

        return sql.Length;
    }

    /// <summary>Past a dollar-quote tag (<c>$$</c>, <c>$body$</c>) starting at <paramref name="i"/>, or <paramref name="i"/>.</summary>
    private static int DollarTagEnd(string sql, int i)
    {
        var j = i + 1;
        if (j < sql.Length && (char.IsLetter(sql[j]) || sql[j] == '_'))
        {
            while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
            {
                j++;
            }
        }

        return j < sql.Length && sql[j] == '$' ? j + 1 : i;
    }

    private static bool IsWordChar(string sql, int i) =>
        i >= 0 && i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_' || sql[i] == '$');

    private static char At(string sql, int i) => i >= 0 && i < sql.Length ? sql[i] : '\0';
}
