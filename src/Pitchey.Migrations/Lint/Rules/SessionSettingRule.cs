using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary>
/// <c>not-per-session</c> and <c>unknown-setting</c> for SET and RESET: a setting only the server can
/// change (restart or reload), one the server does not know, or SET LOCAL, which ends with a
/// transaction that apply never opens.
/// </summary>
internal sealed class SessionSettingRule : ILintRule
{
    // Where common settings can be changed, for when no live pg_settings is at hand.
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

    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Kind is not (StatementKind.Set or StatementKind.Reset))
        {
            return;
        }

        var name = statement.Target;
        if (name is null)
        {
            context.Warning(statement, LintCodes.NotUnderstood, $"setting not understood: {statement.Summary}", "write SET name = value");
            return;
        }

        if (statement.Local)
        {
            context.Warning(statement, LintCodes.SessionSetting,
                $"SET LOCAL {name} lasts only until the end of the current transaction; apply runs builds outside transactions",
                $"write SET {name} = ... (session level)");
            return;
        }

        string? where = null;
        if (context.Catalog?.SettingContexts is { } contexts)
        {
            if (!contexts.TryGetValue(name, out where) && !name.Contains('.', StringComparison.Ordinal))
            {
                context.Error(statement, LintCodes.UnknownSetting, $"unrecognized configuration parameter {name}", "check the name against pg_settings");
                return;
            }
        }
        else
        {
            OfflineSettingContexts.TryGetValue(name, out where);
        }

        if (where is not null and not ("user" or "superuser"))
        {
            var needs = where == "postmaster" ? "a server restart" : where == "sighup" ? "a configuration reload" : "the server itself";
            context.Error(statement, LintCodes.SessionSetting,
                $"{name} cannot be changed per session (context {where}: needs {needs})",
                $"remove it; ask the operator to change {name} in postgresql.conf, or use a session setting such as maintenance_work_mem");
        }
    }
}
