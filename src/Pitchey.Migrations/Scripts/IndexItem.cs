namespace Pitchey.Migrations.Scripts;

/// <summary>
/// One element of an index's key: a plain column (<see cref="Column"/> set) or an expression
/// (<see cref="Tokens"/>), each optionally followed by <c>COLLATE</c>, an operator class (with
/// parameters, as in <c>gist_trgm_ops(siglen = 64)</c>), <c>ASC</c>/<c>DESC</c> and <c>NULLS FIRST</c>/<c>LAST</c>.
/// </summary>
/// <param name="Text">The element as written.</param>
/// <param name="Tokens">The expression's tokens (the column's, for a plain column), without the trailing modifiers.</param>
/// <param name="OperatorClass">The operator class named, without its schema; null for the method's default.</param>
public sealed record IndexItem(string Text, string? Column, IReadOnlyList<SqlToken> Tokens, string? OperatorClass = null)
{
    /// <summary>Splits one element's tokens into the column or expression and the operator class; what it cannot read stays one expression.</summary>
    internal static IndexItem Read(string text, IReadOnlyList<SqlToken> group)
    {
        var end = ExpressionEnd(group);
        if (end > 0 && ReadModifiers(group, end, out var operatorClass))
        {
            var column = end == 1 && group[0].IsIdentifier ? group[0].Value : null;
            return new IndexItem(text, column, group.Take(end).ToList(), operatorClass);
        }

        return new IndexItem(text, null, group);
    }

    /// <summary>Where the column or expression ends: after a parenthesised expression, a function call, or a column name; 0 when unreadable.</summary>
    private static int ExpressionEnd(IReadOnlyList<SqlToken> group)
    {
        if (group.Count == 0)
        {
            return 0;
        }

        if (group[0].IsSymbol("("))
        {
            return AfterClose(group, 0);
        }

        if (!group[0].IsIdentifier)
        {
            return 0;
        }

        return group.Count > 1 && group[1].IsSymbol("(") ? AfterClose(group, 1) : 1;
    }

    /// <summary>The index after the parenthesis that closes the one at <paramref name="open"/>; 0 when it never closes.</summary>
    private static int AfterClose(IReadOnlyList<SqlToken> group, int open)
    {
        var depth = 0;
        for (var i = open; i < group.Count; i++)
        {
            if (group[i].IsSymbol("(") || group[i].IsSymbol("["))
            {
                depth++;
            }
            else if ((group[i].IsSymbol(")") || group[i].IsSymbol("]")) && --depth == 0)
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Reads <c>[COLLATE c] [opclass [(params)]] [ASC|DESC] [NULLS FIRST|LAST]</c>; false on anything else.</summary>
    private static bool ReadModifiers(IReadOnlyList<SqlToken> group, int start, out string? operatorClass)
    {
        operatorClass = null;
        var i = start;
        while (i < group.Count)
        {
            var token = group[i];
            if (token.Is("collate") && i + 1 < group.Count)
            {
                i = AfterDottedName(group, i + 1);
            }
            else if (token.Is("asc") || token.Is("desc"))
            {
                i++;
            }
            else if (token.Is("nulls") && i + 1 < group.Count)
            {
                i += 2;
            }
            else if (token.IsIdentifier && operatorClass is null)
            {
                var after = AfterDottedName(group, i);
                operatorClass = group[after - 1].Value;
                i = after < group.Count && group[after].IsSymbol("(") ? AfterClose(group, after) : after;
                if (i == 0)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static int AfterDottedName(IReadOnlyList<SqlToken> group, int at)
    {
        var i = at + 1;
        while (i + 1 < group.Count && group[i].IsSymbol(".") && group[i + 1].IsIdentifier)
        {
            i += 2;
        }

        return i;
    }
}
