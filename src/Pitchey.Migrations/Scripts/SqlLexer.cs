namespace Pitchey.Migrations.Scripts;

/// <summary>
/// Just enough of PostgreSQL's lexical rules to read index definitions and session commands:
/// words, quoted identifiers, strings (including E'' and dollar quotes), numbers and symbols.
/// Comments are already gone (see <see cref="MigrationScript"/>).
/// </summary>
internal static class SqlLexer
{
    public static List<SqlToken> Tokenize(string text)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if ((c == 'E' || c == 'e') && i + 1 < text.Length && text[i + 1] == '\'')
            {
                i++;
                c = '\'';
            }

            if (c == '\'')
            {
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '\\' && text[start] is 'E' or 'e')
                    {
                        i += 2;
                        continue;
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    i++;
                }

                var valueStart = text[start] == '\'' ? start + 1 : start + 2;
                tokens.Add(new SqlToken(TokenKind.String, text[valueStart..Math.Min(i, text.Length)].Replace("''", "'", StringComparison.Ordinal), start));
                i++;
                continue;
            }

            if (c == '"')
            {
                i++;
                var close = text.IndexOf('"', i);
                close = close < 0 ? text.Length : close;
                tokens.Add(new SqlToken(TokenKind.QuotedIdentifier, text[i..close], start));
                i = close + 1;
                continue;
            }

            if (c == '$' && i + 1 < text.Length && (text[i + 1] == '$' || char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                var tagEnd = text.IndexOf('$', i + 1);
                if (tagEnd > 0 && text.AsSpan(i + 1, tagEnd - i - 1).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") < 0)
                {
                    var tag = text[i..(tagEnd + 1)];
                    var close = text.IndexOf(tag, tagEnd + 1, StringComparison.Ordinal);
                    close = close < 0 ? text.Length : close;
                    tokens.Add(new SqlToken(TokenKind.String, text[(tagEnd + 1)..close], start));
                    i = Math.Min(text.Length, close + tag.Length);
                    continue;
                }
            }

            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '$'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(TokenKind.Word, text[start..i].ToLowerInvariant(), start));
                continue;
            }

            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(TokenKind.Number, text[start..i], start));
                continue;
            }

            if (c == ':' && i + 1 < text.Length && text[i + 1] == ':')
            {
                tokens.Add(new SqlToken(TokenKind.Symbol, "::", start));
                i += 2;
                continue;
            }

            if ("<>=!~+-*/%^|&#@".Contains(c, StringComparison.Ordinal))
            {
                while (i < text.Length && "<>=!~+-*/%^|&#@".Contains(text[i], StringComparison.Ordinal))
                {
                    i++;
                }

                tokens.Add(new SqlToken(TokenKind.Symbol, text[start..i], start));
                continue;
            }

            tokens.Add(new SqlToken(TokenKind.Symbol, c.ToString(), start));
            i++;
        }

        return tokens;
    }
}
