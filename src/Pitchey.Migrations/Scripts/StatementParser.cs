namespace Pitchey.Migrations.Scripts;

/// <summary>
/// Reads a statement's tokens into a <see cref="MigrationStatement"/>: index builds in full (name,
/// table, method, key, predicate), the setting or target of session and maintenance commands, and
/// nothing more. Not PostgreSQL's grammar: what it cannot read is <see cref="StatementKind.Unknown"/>.
/// </summary>
internal static class StatementParser
{
    /// <summary>Classifies one statement. Never throws: what it cannot read is <see cref="StatementKind.Unknown"/>.</summary>
    public static MigrationStatement Parse(ScriptStatement source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tokens = SqlLexer.Tokenize(source.Text);
        var kind = StatementKind.Unknown;
        if (tokens.Count == 0)
        {
            return new MigrationStatement(source, kind) { Tokens = tokens };
        }

        var reader = new TokenReader(tokens);
        if (source.IsQuery)
        {
            return new MigrationStatement(source, StatementKind.Query) { Tokens = tokens };
        }

        try
        {
            return reader.Peek().Value switch
            {
                "create" => ParseCreate(source, tokens, reader),
                "drop" when reader.PeekAt(1).Is("index") => new MigrationStatement(source, StatementKind.DropIndex)
                {
                    Tokens = tokens,
                    Target = tokens.LastOrDefault(t => t.IsIdentifier && t.Value is not ("index" or "concurrently" or "if" or "exists" or "cascade" or "restrict" or "drop")).Value,
                },
                "set" => ParseSet(source, tokens, reader),
                "reset" => new MigrationStatement(source, StatementKind.Reset) { Tokens = tokens, Target = DottedName(tokens, 1) },
                "alter" when reader.PeekAt(1).Is("system") => new MigrationStatement(source, StatementKind.AlterSystem)
                {
                    Tokens = tokens,
                    Target = DottedName(tokens, 3),
                },
                "analyze" or "analyse" => new MigrationStatement(source, StatementKind.Analyze)
                {
                    Tokens = tokens,
                    Tables = tokens.Skip(1).Where(t => t.IsIdentifier && t.Value is not ("verbose" or "skip_locked")).Select(t => t.Value).ToArray(),
                },
                "begin" or "start" => new MigrationStatement(source, StatementKind.BeginTransaction) { Tokens = tokens },
                "commit" or "end" or "rollback" or "abort" => new MigrationStatement(source, StatementKind.EndTransaction) { Tokens = tokens },
                "select" or "with" or "explain" => new MigrationStatement(source, StatementKind.Query) { Tokens = tokens },
                _ => new MigrationStatement(source, StatementKind.Unknown) { Tokens = tokens },
            };
        }
        catch (FormatException)
        {
            return new MigrationStatement(source, StatementKind.Unknown) { Tokens = tokens };
        }
    }

    private static MigrationStatement ParseCreate(ScriptStatement source, List<SqlToken> tokens, TokenReader reader)
    {
        reader.Expect("create");
        if (reader.Accept("extension"))
        {
            var ifNotExists = reader.Accept("if") && reader.Accept("not") && reader.Accept("exists");
            return new MigrationStatement(source, StatementKind.CreateExtension)
            {
                Tokens = tokens,
                IfNotExists = ifNotExists,
                Target = reader.Next().Value,
            };
        }

        var unique = reader.Accept("unique");
        if (!reader.Accept("index"))
        {
            return new MigrationStatement(source, StatementKind.Unknown) { Tokens = tokens };
        }

        var concurrently = reader.Accept("concurrently");
        var notExists = false;
        if (reader.Accept("if"))
        {
            reader.Expect("not");
            reader.Expect("exists");
            notExists = true;
        }

        string? name = null;
        if (!reader.Peek().Is("on"))
        {
            name = reader.Next().Value;
        }

        var onOffset = reader.Peek().Offset;
        reader.Expect("on");
        reader.Accept("only");
        var table = QualifiedName(reader);
        var method = "btree";
        if (reader.Accept("using"))
        {
            method = reader.Next().Value;
        }

        var items = new List<IndexItem>();
        foreach (var group in reader.ParenthesisedList())
        {
            var text = source.Text[group[0].Offset..(group[^1].Offset + TokenLength(source.Text, group[^1]))];
            items.Add(IndexItem.Read(text, group));
        }

        string? predicate = null;
        IReadOnlyList<SqlToken> predicateTokens = [];
        while (!reader.AtEnd)
        {
            if (reader.Accept("where"))
            {
                var rest = reader.Rest();
                predicateTokens = rest;
                predicate = rest.Count == 0 ? null : source.Text[rest[0].Offset..].Trim();
                break;
            }

            if (reader.Peek().Is("include") || reader.Peek().Is("with"))
            {
                reader.Next();
                reader.ParenthesisedList();
                continue;
            }

            reader.Next(); // NULLS [NOT] DISTINCT, TABLESPACE x
        }

        var definition = new IndexDefinition(name, table, unique, concurrently, notExists, method, items, predicate, predicateTokens, onOffset);
        return new MigrationStatement(source, StatementKind.CreateIndex) { Tokens = tokens, Index = definition, Tables = [table], IfNotExists = notExists };
    }

    private static MigrationStatement ParseSet(ScriptStatement source, List<SqlToken> tokens, TokenReader reader)
    {
        reader.Expect("set");
        var local = reader.Accept("local");
        reader.Accept("session");
        if (reader.Peek().Is("time") && reader.PeekAt(1).Is("zone"))
        {
            return new MigrationStatement(source, StatementKind.Set) { Tokens = tokens, Target = "timezone", Local = local };
        }

        return new MigrationStatement(source, StatementKind.Set) { Tokens = tokens, Target = DottedName(tokens, reader.Position), Local = local };
    }

    private static string QualifiedName(TokenReader reader)
    {
        var name = reader.Next();
        if (!name.IsIdentifier)
        {
            throw new FormatException("expected a name");
        }

        var value = name.Value;
        while (reader.Peek().IsSymbol("."))
        {
            reader.Next();
            value = reader.Next().Value; // schema.table: the catalog is keyed by the table's own name
        }

        return value;
    }

    private static string? DottedName(List<SqlToken> tokens, int start)
    {
        if (start >= tokens.Count)
        {
            return null;
        }

        var name = tokens[start].Value;
        for (var i = start + 1; i + 1 < tokens.Count && tokens[i].IsSymbol("."); i += 2)
        {
            name += "." + tokens[i + 1].Value;
        }

        return name;
    }

    private static int TokenLength(string text, SqlToken token)
    {
        // Re-lex from the token's offset to find where it ends in the source text.
        var rest = SqlLexer.Tokenize(text[token.Offset..]);
        return rest.Count > 1 ? rest[1].Offset : text.Length - token.Offset;
    }
}
