namespace Pitchey.Database.Migrations;

internal enum LintSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>Lint rule identifiers, as printed (and as documented in docs/migrations.md).</summary>
internal static class LintCodes
{
    public const string Script = "script";
    public const string NoConcurrently = "no-concurrently";
    public const string ConcurrentlyInTransaction = "concurrently-in-transaction";
    public const string IfNotExistsConcurrently = "if-not-exists-concurrently";
    public const string NonImmutable = "non-immutable";
    public const string SessionSetting = "not-per-session";
    public const string UnknownSetting = "unknown-setting";
    public const string MissingTable = "missing-table";
    public const string MissingColumn = "missing-column";
    public const string RenamedColumn = "renamed-column";
    public const string DuplicateIndex = "duplicate-index";
    public const string PrefixIndex = "prefix-index";
    public const string NameConflict = "name-conflict";
    public const string UnnamedIndex = "unnamed-index";
    public const string DropIndex = "drop-index";
    public const string NotUnderstood = "not-understood";
    public const string CatalogSkipped = "catalog-skipped";
}

/// <summary>One finding: where, how bad, what, and how to fix it.</summary>
/// <param name="FixedByApply">True when <c>migrate apply</c> already does the fix itself (so the finding does not block it).</param>
internal sealed record LintFinding(int Line, LintSeverity Severity, string Code, string Message, string Fix, bool FixedByApply = false)
{
    /// <summary>An error apply cannot work around: apply refuses to start while one is present.</summary>
    public bool BlocksApply => Severity == LintSeverity.Error && !FixedByApply;
}

/// <summary>The lint's result, with statements in file order.</summary>
internal sealed record LintReport(IReadOnlyList<MigrationStatement> Statements, IReadOnlyList<LintFinding> Findings, string CatalogSource)
{
    public bool HasErrors => Findings.Any(f => f.Severity == LintSeverity.Error);

    public bool HasWarnings => Findings.Any(f => f.Severity == LintSeverity.Warning);

    public bool BlocksApply => Findings.Any(f => f.BlocksApply);

    /// <summary>0 clean, 1 warnings only, 2 errors; with <paramref name="strict"/> warnings count as errors.</summary>
    public int ExitCode(bool strict) => HasErrors || (strict && HasWarnings) ? 2 : HasWarnings ? 1 : 0;

    /// <summary>True when apply may run this non-index statement (and will).</summary>
    public bool Allows(MigrationStatement statement) =>
        statement.Kind is StatementKind.Set or StatementKind.Reset or StatementKind.Analyze or StatementKind.CreateExtension
        && !Findings.Any(f => f.Line == statement.Line && f.Severity >= LintSeverity.Warning);
}

/// <summary>
/// Reads a strategy file statement by statement and reports what would hurt production: builds that
/// lock writes, builds that cannot run where they are, predicates PostgreSQL rejects, settings that
/// cannot change per session, references to what does not exist, redundant indexes, and anything it
/// does not understand. Pure: the catalog comes in as a snapshot.
/// </summary>
internal static class MigrationLint
{
    // Functions and SQL keywords that are not immutable whatever the catalog says (the catalog adds the rest).
    private static readonly HashSet<string> KnownNonImmutable = new(StringComparer.Ordinal)
    {
        "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "timeofday", "random", "random_normal",
        "setseed", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v4", "nextval", "currval", "lastval", "setval",
        "txid_current", "pg_current_xact_id", "pg_backend_pid", "current_setting", "to_char", "to_date",
        "pg_sleep",
    };

    private static readonly HashSet<string> NonImmutableKeywords = new(StringComparer.Ordinal)
    {
        "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user",
        "current_role", "user",
    };

    // Words that may appear in an expression or predicate without being a column.
    private static readonly HashSet<string> ExpressionKeywords = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "is", "null", "true", "false", "in", "between", "like", "ilike", "similar", "to", "escape",
        "any", "all", "some", "case", "when", "then", "else", "end", "cast", "as", "distinct", "from", "interval", "date",
        "time", "timestamp", "timestamptz", "with", "without", "zone", "at", "collate", "asc", "desc", "nulls", "first",
        "last", "array", "row", "exists", "isnull", "notnull", "unknown", "symmetric", "text", "varchar", "integer", "int",
        "bigint", "numeric", "boolean", "jsonb", "json", "character", "varying", "double", "precision", "day", "hour",
        "minute", "second", "month", "year",
    };

    // pg_stat_statements columns renamed in PostgreSQL 13.
    private static readonly Dictionary<string, string> RenamedStatColumns = new(StringComparer.Ordinal)
    {
        ["total_time"] = "total_exec_time",
        ["mean_time"] = "mean_exec_time",
        ["min_time"] = "min_exec_time",
        ["max_time"] = "max_exec_time",
        ["stddev_time"] = "stddev_exec_time",
    };

    // Settings that need a restart or a reload, for when no live pg_settings is at hand.
    private static readonly Dictionary<string, string> OfflineSettingContexts = new(StringComparer.Ordinal)
    {
        ["max_connections"] = "postmaster", ["shared_buffers"] = "postmaster", ["shared_preload_libraries"] = "postmaster",
        ["wal_level"] = "postmaster", ["max_wal_senders"] = "postmaster", ["max_worker_processes"] = "postmaster",
        ["max_locks_per_transaction"] = "postmaster", ["max_prepared_transactions"] = "postmaster", ["huge_pages"] = "postmaster",
        ["listen_addresses"] = "postmaster", ["port"] = "postmaster", ["wal_buffers"] = "postmaster",
        ["autovacuum_max_workers"] = "postmaster", ["max_replication_slots"] = "postmaster",
        ["checkpoint_timeout"] = "sighup", ["max_wal_size"] = "sighup", ["min_wal_size"] = "sighup", ["autovacuum"] = "sighup",
        ["autovacuum_naptime"] = "sighup", ["checkpoint_completion_target"] = "sighup", ["log_min_duration_statement"] = "superuser",
        ["pg_stat_statements.max"] = "postmaster", ["pg_stat_statements.track"] = "superuser",
        ["work_mem"] = "user", ["maintenance_work_mem"] = "user", ["statement_timeout"] = "user", ["lock_timeout"] = "user",
        ["random_page_cost"] = "user", ["effective_cache_size"] = "user", ["max_parallel_maintenance_workers"] = "user",
        ["search_path"] = "user", ["effective_io_concurrency"] = "user", ["timezone"] = "user",
    };

    public static LintReport Run(MigrationScript script, CatalogSnapshot? catalog)
    {
        ArgumentNullException.ThrowIfNull(script);
        var findings = new List<LintFinding>();
        foreach (var problem in script.Problems)
        {
            findings.Add(new LintFinding(problem.Line, LintSeverity.Error, LintCodes.Script, problem.Message, "fix the file at that line"));
        }

        if (catalog is null)
        {
            findings.Add(new LintFinding(0, LintSeverity.Info, LintCodes.CatalogSkipped,
                "no database connection and no schema file: table, column and duplicate-index checks skipped",
                "pass --connection, configure Database:Primary, or keep config/sql/schema.sql beside the binary"));
        }

        var statements = script.Statements.Select(MigrationStatement.Parse).ToList();
        var known = catalog?.Indexes.ToList() ?? [];
        var inTransaction = false;
        foreach (var statement in statements)
        {
            switch (statement.Kind)
            {
                case StatementKind.BeginTransaction:
                    inTransaction = true;
                    break;
                case StatementKind.EndTransaction:
                    inTransaction = false;
                    break;
                case StatementKind.CreateIndex:
                    CheckIndex(statement, catalog, known, inTransaction, findings);
                    break;
                case StatementKind.Set or StatementKind.Reset:
                    CheckSetting(statement, catalog, findings);
                    break;
                case StatementKind.AlterSystem:
                    findings.Add(new LintFinding(statement.Line, LintSeverity.Error, LintCodes.SessionSetting,
                        $"ALTER SYSTEM SET {statement.Target} changes the server's configuration, not this migration's session",
                        "leave server settings to the operator (postgresql.conf + reload or restart); remove it from the strategy"));
                    break;
                case StatementKind.DropIndex:
                    findings.Add(new LintFinding(statement.Line, LintSeverity.Error, LintCodes.DropIndex,
                        $"DROP INDEX {statement.Target}: apply never drops an index it did not create",
                        "use `migrate rollback` for indexes this tool built; drop others by hand with DROP INDEX CONCURRENTLY"));
                    break;
                case StatementKind.Analyze:
                    foreach (var table in statement.Tables.Where(t => catalog is not null && !catalog.Tables.ContainsKey(t)))
                    {
                        findings.Add(MissingTable(statement, table, catalog!));
                    }

                    break;
                case StatementKind.CreateExtension when !statement.IfNotExists:
                    findings.Add(new LintFinding(statement.Line, LintSeverity.Warning, LintCodes.NotUnderstood,
                        $"CREATE EXTENSION {statement.Target} fails when the extension exists, so a rerun would stop here",
                        $"write CREATE EXTENSION IF NOT EXISTS {statement.Target}"));
                    break;
                case StatementKind.Query when statement.Source.IsQuery:
                    break;
                case StatementKind.Query:
                    findings.Add(new LintFinding(statement.Line, LintSeverity.Warning, LintCodes.NotUnderstood,
                        $"a query without a `-- query: name` marker does nothing in a migration: {statement.Summary}",
                        "mark it `-- query: name` so verify uses it, or remove it; apply skips it"));
                    break;
                case StatementKind.Unknown:
                    findings.Add(new LintFinding(statement.Line, LintSeverity.Warning, LintCodes.NotUnderstood,
                        $"statement not understood as an index migration step: {statement.Summary}",
                        "apply skips it; run schema changes through the application's own migrations"));
                    break;
            }

            CheckRenamedColumns(statement, findings);
        }

        return new LintReport(statements, findings.OrderBy(f => f.Line).ToList(), catalog?.Source ?? "none");
    }

    private static void CheckIndex(MigrationStatement statement, CatalogSnapshot? catalog, List<CatalogIndex> known, bool inTransaction, List<LintFinding> findings)
    {
        var index = statement.Index!;
        var line = statement.Line;
        if (index.Name is null)
        {
            findings.Add(new LintFinding(line, LintSeverity.Error, LintCodes.UnnamedIndex,
                "index without a name: it cannot be found again to check, resume or roll back",
                $"name it, e.g. CREATE INDEX CONCURRENTLY idx_{index.Table}_{string.Join('_', index.Items.Select(i => i.Column ?? "expr"))} ON ..."));
        }

        var tableExists = catalog?.Tables.ContainsKey(index.Table) ?? true;
        if (!index.Concurrently && tableExists)
        {
            findings.Add(new LintFinding(line, LintSeverity.Error, LintCodes.NoConcurrently,
                $"CREATE INDEX {index.Name} on existing table {index.Table} without CONCURRENTLY blocks its writes for the whole build",
                "write CREATE INDEX CONCURRENTLY", FixedByApply: true));
        }

        if (index.Concurrently && inTransaction)
        {
            findings.Add(new LintFinding(line, LintSeverity.Error, LintCodes.ConcurrentlyInTransaction,
                "CREATE INDEX CONCURRENTLY cannot run inside a transaction block (BEGIN ... COMMIT)",
                "remove BEGIN/COMMIT around index builds (apply runs each build in its own implicit transaction)", FixedByApply: true));
        }

        if (index.Concurrently && index.IfNotExists)
        {
            findings.Add(new LintFinding(line, LintSeverity.Warning, LintCodes.IfNotExistsConcurrently,
                $"CONCURRENTLY IF NOT EXISTS silently skips an INVALID {index.Name} left by an earlier failed build",
                "apply checks indisvalid itself and rebuilds an invalid index; by hand, check pg_index.indisvalid first", FixedByApply: true));
        }

        CheckExpressions(statement, catalog, findings);

        if (catalog is null)
        {
            return;
        }

        if (!catalog.Tables.TryGetValue(index.Table, out var table))
        {
            findings.Add(MissingTable(statement, index.Table, catalog));
        }
        else
        {
            foreach (var item in index.Items.Where(i => i.Column is not null && !table.Columns.Contains(i.Column)))
            {
                findings.Add(MissingColumn(statement, table, item.Column!));
            }

            foreach (var column in ColumnReferences(index.Items.Where(i => i.Column is null).SelectMany(i => i.Tokens).Concat(index.PredicateTokens).ToList()))
            {
                if (!table.Columns.Contains(column))
                {
                    findings.Add(MissingColumn(statement, table, column));
                }
            }
        }

        CheckRedundancy(statement, known, findings);
        if (index.Name is not null)
        {
            known.Add(new CatalogIndex(index.Name, index.Table, index.Unique, true, true, index.Method,
                index.Items.Select(i => i.Column).ToArray(), index.Predicate, statement.Source.Text));
        }
    }

    private static void CheckRedundancy(MigrationStatement statement, List<CatalogIndex> known, List<LintFinding> findings)
    {
        var index = statement.Index!;
        var sameName = index.Name is null ? null : known.FirstOrDefault(k => k.Name == index.Name);
        if (sameName is not null && sameName.Table != index.Table)
        {
            findings.Add(new LintFinding(statement.Line, LintSeverity.Error, LintCodes.NameConflict,
                $"an index named {index.Name} already exists on table {sameName.Table}",
                "index names are unique per schema: choose another name"));
            return;
        }

        if (sameName is not null)
        {
            var same = IndexComparer.SameDefinition(sameName.Definition, statement.Source.Text);
            findings.Add(same
                ? new LintFinding(statement.Line, LintSeverity.Info, LintCodes.NameConflict,
                    $"{index.Name} already exists with this definition", "nothing to do: apply skips it")
                : new LintFinding(statement.Line, LintSeverity.Warning, LintCodes.NameConflict,
                    $"{index.Name} already exists with a different definition: {sameName.Definition}",
                    "give the new index another name (apply will not replace an index it did not build)"));
            return;
        }

        if (!index.IsPlainColumns)
        {
            return;
        }

        var columns = index.Items.Select(i => i.Column!).ToArray();
        foreach (var other in known.Where(k => k.Table == index.Table && k.Method == index.Method && k.Columns.All(c => c is not null)))
        {
            if (!IndexComparer.SamePredicate(other.Predicate, index.Predicate))
            {
                continue;
            }

            var otherColumns = other.Columns.Select(c => c!).ToArray();
            if (otherColumns.SequenceEqual(columns, StringComparer.Ordinal) && (!index.Unique || other.Unique))
            {
                findings.Add(new LintFinding(statement.Line, LintSeverity.Warning, LintCodes.DuplicateIndex,
                    $"{index.Name} duplicates {other.Name} on {index.Table} ({string.Join(", ", columns)}): twice the write cost, no new plan",
                    $"remove this statement; {other.Name} already serves these queries"));
                return;
            }

            if (!index.Unique && otherColumns.Length > columns.Length && otherColumns.Take(columns.Length).SequenceEqual(columns, StringComparer.Ordinal))
            {
                findings.Add(new LintFinding(statement.Line, LintSeverity.Warning, LintCodes.PrefixIndex,
                    $"{index.Name} ({string.Join(", ", columns)}) is a prefix of {other.Name} ({string.Join(", ", otherColumns)}), which serves the same lookups",
                    $"remove this statement unless {other.Name} is much wider; a btree is usable on its leading columns"));
                return;
            }
        }
    }

    private static void CheckExpressions(MigrationStatement statement, CatalogSnapshot? catalog, List<LintFinding> findings)
    {
        var index = statement.Index!;
        var parts = index.Items.Where(i => i.Column is null).Select(i => ("expression", i.Tokens))
            .Append(("predicate", index.PredicateTokens));
        foreach (var (where, tokens) in parts)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Kind != TokenKind.Word || (i > 0 && tokens[i - 1].IsSymbol("::")))
                {
                    continue;
                }

                var isCall = i + 1 < tokens.Count && tokens[i + 1].IsSymbol("(");
                var nonImmutable = isCall
                    ? KnownNonImmutable.Contains(token.Value) || (catalog?.NonImmutableFunctions?.Contains(token.Value) ?? false)
                    : NonImmutableKeywords.Contains(token.Value);
                if (nonImmutable)
                {
                    findings.Add(new LintFinding(statement.Line, LintSeverity.Error, LintCodes.NonImmutable,
                        $"{token.Value.ToUpperInvariant()}{(isCall ? "()" : "")} in the index {where} of {index.Name} is not IMMUTABLE: PostgreSQL rejects it (the value changes, the index would not)",
                        where == "predicate"
                            ? "use a constant cut-off (WHERE created_at > '2025-01-01') or a plain column index and filter at query time"
                            : "index the column itself, or an immutable expression of it"));
                }
            }
        }
    }

    private static void CheckSetting(MigrationStatement statement, CatalogSnapshot? catalog, List<LintFinding> findings)
    {
        var name = statement.Target;
        if (name is null)
        {
            findings.Add(new LintFinding(statement.Line, LintSeverity.Warning, LintCodes.NotUnderstood,
                $"setting not understood: {statement.Summary}", "write SET name = value"));
            return;
        }

        if (statement.Local)
        {
            findings.Add(new LintFinding(statement.Line, LintSeverity.Warning, LintCodes.SessionSetting,
                $"SET LOCAL {name} lasts only until the end of the current transaction; apply runs builds outside transactions",
                $"write SET {name} = ... (session level)"));
            return;
        }

        string? context = null;
        var contexts = catalog?.SettingContexts;
        if (contexts is not null)
        {
            if (!contexts.TryGetValue(name, out context) && !name.Contains('.', StringComparison.Ordinal))
            {
                findings.Add(new LintFinding(statement.Line, LintSeverity.Error, LintCodes.UnknownSetting,
                    $"unrecognized configuration parameter {name}", "check the name against pg_settings"));
                return;
            }
        }
        else
        {
            OfflineSettingContexts.TryGetValue(name, out context);
        }

        if (context is not null and not ("user" or "superuser"))
        {
            var when = context == "postmaster" ? "a server restart" : context == "sighup" ? "a configuration reload" : "the server itself";
            findings.Add(new LintFinding(statement.Line, LintSeverity.Error, LintCodes.SessionSetting,
                $"{name} cannot be changed per session (context {context}: needs {when})",
                $"remove it; ask the operator to change {name} in postgresql.conf, or use a session setting such as maintenance_work_mem"));
        }
    }

    private static void CheckRenamedColumns(MigrationStatement statement, List<LintFinding> findings)
    {
        if (!statement.Tokens.Any(t => t.Value == "pg_stat_statements"))
        {
            return;
        }

        foreach (var token in statement.Tokens.Where(t => t.IsIdentifier && RenamedStatColumns.ContainsKey(t.Value)).DistinctBy(t => t.Value))
        {
            findings.Add(new LintFinding(statement.Line, LintSeverity.Error, LintCodes.RenamedColumn,
                $"pg_stat_statements.{token.Value} does not exist since PostgreSQL 13",
                $"use {RenamedStatColumns[token.Value]}"));
        }
    }

    private static IEnumerable<string> ColumnReferences(List<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsIdentifier)
            {
                continue;
            }

            var isCall = i + 1 < tokens.Count && tokens[i + 1].IsSymbol("(");
            var isType = i > 0 && (tokens[i - 1].IsSymbol("::") || (tokens[i - 1].IsIdentifier && ExpressionKeywords.Contains(tokens[i - 1].Value) && tokens[i - 1].Value is "as" or "with" or "without" or "time" or "double" or "character"));
            var qualifier = i + 1 < tokens.Count && tokens[i + 1].IsSymbol(".");
            var isTypedLiteral = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.String;
            if (isCall || isType || qualifier || isTypedLiteral)
            {
                continue;
            }

            if (token.Kind == TokenKind.Word && (ExpressionKeywords.Contains(token.Value) || NonImmutableKeywords.Contains(token.Value)))
            {
                continue;
            }

            yield return token.Value;
        }
    }

    private static LintFinding MissingTable(MigrationStatement statement, string table, CatalogSnapshot catalog) =>
        new(statement.Line, LintSeverity.Error, LintCodes.MissingTable,
            $"table {table} does not exist (checked against {catalog.Source})",
            $"check the name; known tables: {string.Join(", ", catalog.Tables.Keys.Order(StringComparer.Ordinal))}");

    private static LintFinding MissingColumn(MigrationStatement statement, CatalogTable table, string column) =>
        new(statement.Line, LintSeverity.Error, LintCodes.MissingColumn,
            $"column {column} does not exist in {table.Name}",
            $"check the name; {table.Name} has: {string.Join(", ", table.Columns.Order(StringComparer.Ordinal))}");
}
