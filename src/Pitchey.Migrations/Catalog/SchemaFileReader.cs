using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Catalog;

/// <summary>
/// The fallback without a connection: a <see cref="CatalogSnapshot"/> from a schema file's CREATE TABLE,
/// ALTER TABLE ... ADD COLUMN, CREATE INDEX and CREATE EXTENSION statements (plpgsql, in every
/// database, counts as created). No volatility, no operator classes, no setting contexts.
/// </summary>
internal static class SchemaFileReader
{
    public static CatalogSnapshot Read(string text, string source)
    {
        var tables = new List<CatalogTable>();
        var indexes = new List<CatalogIndex>();
        var extensions = new HashSet<string>(StringComparer.Ordinal) { "plpgsql" };
        foreach (var statement in MigrationScript.Parse(text, source).Statements)
        {
            var tokens = SqlLexer.Tokenize(statement.Text);
            if (tokens.Count > 3 && tokens[0].Is("create") && tokens[1].Is("table"))
            {
                ReadCreateTable(tokens, tables, indexes);
            }
            else if (tokens.Count > 4 && tokens[0].Is("alter") && tokens[1].Is("table"))
            {
                ReadAddColumn(tokens, tables);
            }
            else if (MigrationStatement.Parse(statement) is { } parsed)
            {
                if (parsed is { Kind: StatementKind.CreateIndex, Index: { Name: not null } index })
                {
                    indexes.Add(CatalogIndex.Written(index, statement.Text));
                }
                else if (parsed is { Kind: StatementKind.CreateExtension, Target: { } extension })
                {
                    extensions.Add(extension);
                }
            }
        }

        return new CatalogSnapshot(source, tables, indexes, null, null, extensions);
    }

    private static void ReadCreateTable(List<SqlToken> tokens, List<CatalogTable> tables, List<CatalogIndex> indexes)
    {
        var i = 2;
        if (tokens[i].Is("if"))
        {
            i += 3;
        }

        var table = tokens[i].Value;
        while (i + 2 < tokens.Count && tokens[i + 1].IsSymbol("."))
        {
            i += 2;
            table = tokens[i].Value;
        }

        List<List<SqlToken>> items;
        try
        {
            items = new TokenReader(tokens, i + 1).ParenthesisedList(allowEmpty: true);
        }
        catch (FormatException)
        {
            return; // no column list (CREATE TABLE ... AS, PARTITION OF), or a truncated one
        }

        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var first = item[0];
            if (first.Kind == TokenKind.Word && first.Value is "constraint" or "primary" or "unique" or "check" or "foreign" or "exclude" or "like")
            {
                var primary = item.FindIndex(t => t.Is("primary"));
                var unique = item.FindIndex(t => t.Is("unique"));
                var at = primary >= 0 ? primary : unique;
                if (at >= 0)
                {
                    var keyColumns = item.Skip(at).SkipWhile(t => !t.IsSymbol("(")).Skip(1).TakeWhile(t => !t.IsSymbol(")"))
                        .Where(t => t.IsIdentifier).Select(t => t.Value).ToArray();
                    AddKeyIndex(indexes, table, keyColumns, primary >= 0);
                }

                continue;
            }

            columns.Add(first.Value);
            if (item.Any(t => t.Is("primary")))
            {
                AddKeyIndex(indexes, table, [first.Value], primary: true);
            }
            else if (item.Any(t => t.Is("unique")))
            {
                AddKeyIndex(indexes, table, [first.Value], primary: false);
            }
        }

        tables.Add(new CatalogTable(table, columns, 0, 0));
    }

    /// <summary><c>ALTER TABLE [IF EXISTS] [ONLY] t ADD [COLUMN] [IF NOT EXISTS] c ...</c>: one more column of t.</summary>
    private static void ReadAddColumn(List<SqlToken> tokens, List<CatalogTable> tables)
    {
        var i = 2;
        if (tokens[i].Is("if"))
        {
            i += 2;
        }

        if (i < tokens.Count && tokens[i].Is("only"))
        {
            i++;
        }

        var tableAt = i;
        while (i + 2 < tokens.Count && tokens[i + 1].IsSymbol("."))
        {
            i += 2;
            tableAt = i;
        }

        i++;
        if (i >= tokens.Count || !tokens[i].Is("add"))
        {
            return;
        }

        i++;
        if (i < tokens.Count && tokens[i].Is("column"))
        {
            i++;
        }

        if (i + 3 < tokens.Count && tokens[i].Is("if") && tokens[i + 1].Is("not") && tokens[i + 2].Is("exists"))
        {
            i += 3;
        }

        var at = tables.FindIndex(t => t.Name == tokens[tableAt].Value);
        if (at < 0 || i >= tokens.Count || !tokens[i].IsIdentifier
            || tokens[i].Value is "constraint" or "primary" or "unique" or "check" or "foreign" or "exclude")
        {
            return;
        }

        tables[at] = tables[at] with { Columns = new HashSet<string>(tables[at].Columns, StringComparer.Ordinal) { tokens[i].Value } };
    }

    private static void AddKeyIndex(List<CatalogIndex> indexes, string table, string[] columns, bool primary)
    {
        // The names PostgreSQL generates for constraint indexes.
        var name = primary ? $"{table}_pkey" : $"{table}_{string.Join('_', columns)}_key";
        indexes.Add(new CatalogIndex(name, table, true, true, true, "btree", columns, null,
            $"CREATE UNIQUE INDEX {name} ON {table} ({string.Join(", ", columns)})"));
    }
}
