namespace Pitchey.Migrations.Scripts;

/// <summary>A cursor over a statement's tokens; a malformed statement throws <see cref="FormatException"/>.</summary>
internal sealed class TokenReader(List<SqlToken> tokens, int position = 0)
{
    private static readonly SqlToken End = new(TokenKind.Symbol, "<end>", -1);

    public int Position { get; private set; } = position;

    public bool AtEnd => Position >= tokens.Count;

    public SqlToken Peek() => PeekAt(0);

    public SqlToken PeekAt(int ahead) => Position + ahead < tokens.Count ? tokens[Position + ahead] : End;

    public SqlToken Next() => Position < tokens.Count ? tokens[Position++] : throw new FormatException("unexpected end of statement");

    public bool Accept(string word)
    {
        if (Peek().Is(word))
        {
            Position++;
            return true;
        }

        return false;
    }

    public void Expect(string word)
    {
        if (!Accept(word))
        {
            throw new FormatException($"expected {word}");
        }
    }

    public List<SqlToken> Rest()
    {
        var rest = tokens.GetRange(Position, tokens.Count - Position);
        Position = tokens.Count;
        return rest;
    }

    /// <summary>
    /// Reads <c>( a, f(b, c), d )</c> and returns the top-level comma-separated groups. An empty group
    /// is malformed, unless <paramref name="allowEmpty"/> (a table may have no columns), which leaves it out.
    /// </summary>
    public List<List<SqlToken>> ParenthesisedList(bool allowEmpty = false)
    {
        if (!Peek().IsSymbol("("))
        {
            throw new FormatException("expected (");
        }

        Next();
        var groups = new List<List<SqlToken>> { new() };
        var depth = 0;
        while (true)
        {
            var token = Next();
            if (token.IsSymbol("(") || token.IsSymbol("["))
            {
                depth++;
            }
            else if (token.IsSymbol(")") || token.IsSymbol("]"))
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (depth == 0 && token.IsSymbol(","))
            {
                groups.Add([]);
                continue;
            }

            groups[^1].Add(token);
        }

        if (!allowEmpty && groups.Any(g => g.Count == 0))
        {
            throw new FormatException("empty element in list");
        }

        return groups.Where(g => g.Count > 0).ToList();
    }
}
