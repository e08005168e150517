using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary><c>not-understood</c>: an unmarked query, or a statement that is no index migration step; apply skips both.</summary>
internal sealed class NotUnderstoodRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Kind == StatementKind.Query && !statement.Source.IsQuery)
        {
            context.Warning(statement, LintCodes.NotUnderstood,
                $"a query without a `-- query: name` marker does nothing in a migration: {statement.Summary}",
                "mark it `-- query: name` so verify uses it, or remove it; apply skips it");
        }
        else if (statement.Kind == StatementKind.Unknown)
        {
            context.Warning(statement, LintCodes.NotUnderstood,
                $"statement not understood as an index migration step: {statement.Summary}",
                "apply skips it; run schema changes through the application's own migrations");
        }
    }
}
