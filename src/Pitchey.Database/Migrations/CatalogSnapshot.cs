using Npgsql;

namespace Pitchey.Database.Migrations;

/// <summary>A table as the lint and the planner see it.</summary>
internal sealed record CatalogTable(string Name, IReadOnlySet<string> Columns, long EstimatedRows, long TotalBytes);

/// <summary>An existing index. <see cref="Columns"/> holds null for expression elements.</summary>
internal sealed record CatalogIndex(
    string Name,
    string Table,
    bool Unique,
    bool Valid,
    bool Ready,
    string Method,
    IReadOnlyList<string?> Columns,
    string? Predicate,
    string Definition);

/// <summary>
/// What the lint and the planner know about the database: tables, columns, indexes, and (only
/// from a live database) function volatility and where each setting can be changed.
/// </summary>
internal sealed class CatalogSnapshot
{
    public CatalogSnapshot(
        string source,
        IEnumerable<CatalogTable> tables,
        IEnumerable<CatalogIndex> indexes,
        IReadOnlySet<string>? nonImmutableFunctions,
        IReadOnlyDictionary<string, string>? settingContexts)
    {
        Source = source;
        // Last one wins: a schema file may create a table twice (IF NOT EXISTS).
        Tables = tables.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        Indexes = indexes.ToList();
        NonImmutableFunctions = nonImmutableFunctions;
        SettingContexts = settingContexts;
    }

    /// <summary>Where this came from, for messages: "live database" or a file name.</summary>
    public string Source { get; }

    public IReadOnlyDictionary<string, CatalogTable> Tables { get; }

    public List<CatalogIndex> Indexes { get; }

    /// <summary>Functions whose every overload is STABLE or VOLATILE; null when not known (no connection).</summary>
    public IReadOnlySet<string>? NonImmutableFunctions { get; }

    /// <summary>pg_settings.context by setting name; null when not known (no connection).</summary>
    public IReadOnlyDictionary<string, string>? SettingContexts { get; }

    public CatalogIndex? FindIndex(string name) => Indexes.FirstOrDefault(i => i.Name == name);

    private const string ExcludedSchemas = "('pg_catalog', 'information_schema', '" + MigrationHistory.SchemaName + "')";

    /// <summary>
    /// Reads the live catalog: the tables the session's search_path resolves (as an unqualified name
    /// in a strategy file would), their columns and indexes. Read-only; milliseconds on a normal schema.
    /// </summary>
    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = new List<CatalogTable>();
        await using (var command = new NpgsqlCommand($"""
            SELECT c.relname, GREATEST(c.reltuples, 0)::bigint, pg_total_relation_size(c.oid),
                   array_agg(a.attname::text ORDER BY a.attnum)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN {ExcludedSchemas} AND pg_table_is_visible(c.oid)
            GROUP BY c.oid, c.relname
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var columns = reader.GetFieldValue<string[]>(3);
                tables.Add(new CatalogTable(reader.GetString(0), new HashSet<string>(columns, StringComparer.Ordinal), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        var indexes = new List<CatalogIndex>();
        await using (var command = new NpgsqlCommand($"""
            SELECT i.relname, t.relname, x.indisunique, x.indisvalid, x.indisready, am.amname,
                   ARRAY(SELECT a.attname::text
                         FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                         LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
                         WHERE k.ord <= x.indnkeyatts
                         ORDER BY k.ord),
                   pg_get_expr(x.indpred, x.indrelid), pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = i.relam
            WHERE n.nspname NOT IN {ExcludedSchemas} AND pg_table_is_visible(t.oid)
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add(new CatalogIndex(
                    reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4),
                    reader.GetString(5), reader.GetFieldValue<string?[]>(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8)));
            }
        }

        var functions = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT proname::text FROM pg_proc GROUP BY proname HAVING bool_and(provolatile <> 'i')", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                functions.Add(reader.GetString(0));
            }
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT name, context FROM pg_settings", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                settings[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return new CatalogSnapshot("live database", tables, indexes, functions, settings);
    }

    /// <summary>
    /// Reads tables, columns and the implicit indexes of primary keys and UNIQUE constraints (and any
    /// CREATE INDEX) from a schema file such as config/sql/schema.sql: the fallback without a connection.
    /// </summary>
    public static CatalogSnapshot FromSchemaFile(string text, string source)
    {
        var tables = new List<CatalogTable>();
        var indexes = new List<CatalogIndex>();
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
            else if (MigrationStatement.Parse(statement) is { Kind: StatementKind.CreateIndex, Index: { Name: not null } index })
            {
                indexes.Add(new CatalogIndex(index.Name, index.Table, index.Unique, true, true, index.Method,
                    index.Items.Select(i => i.Column).ToArray(), index.Predicate, statement.Text));
            }
        }

        return new CatalogSnapshot(source, tables, indexes, null, null);
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

        i++;
        if (i >= tokens.Count || !tokens[i].IsSymbol("("))
        {
            return;
        }

        var items = new List<List<SqlToken>> { new() };
        var depth = 0;
        for (i++; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsSymbol("("))
            {
                depth++;
            }
            else if (token.IsSymbol(")"))
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (depth == 0 && token.IsSymbol(","))
            {
                items.Add([]);
                continue;
            }

            items[^1].Add(token);
        }

        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Where(it => it.Count > 0))
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
