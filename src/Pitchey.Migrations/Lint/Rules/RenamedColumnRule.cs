using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary><c>renamed-column</c>: pg_stat_statements columns renamed in PostgreSQL 13, in any statement.</summary>
internal sealed class RenamedColumnRule : ILintRule
{
    private static readonly Dictionary<string, string> RenamedStatColumns = new(StringComparer.Ordinal)
    {
        ["total_time"] = "total_exec_time",
        ["mean_time"] = "mean_exec_time",
        ["min_time"] = "min_exec_time",
        ["max_time"] = "max_exec_time",
        ["stddev_time"] = "stddev_exec_time",
    };

    public void Check(MigrationStatement statement, LintContext context)
    {
        if (!statement.Tokens.Any(t => t.Value == "pg_stat_statements"))
        {
            return;
        }

        foreach (var token in statement.Tokens.Where(t => t.IsIdentifier && RenamedStatColumns.ContainsKey(t.Value)).DistinctBy(t => t.Value))
        {
            context.Error(statement, LintCodes.RenamedColumn,
                $"pg_stat_statements.{token.Value} does not exist since PostgreSQL 13",
                $"use {RenamedStatColumns[token.Value]}");
        }
    }
}
