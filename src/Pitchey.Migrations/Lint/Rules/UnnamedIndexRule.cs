using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary><c>unnamed-index</c>: an index without a name cannot be found again to check, resume or roll back.</summary>
internal sealed class UnnamedIndexRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Index is not { Name: null } index)
        {
            return;
        }

        context.Error(statement, LintCodes.UnnamedIndex,
            "index without a name: it cannot be found again to check, resume or roll back",
            $"name it, e.g. CREATE INDEX CONCURRENTLY idx_{index.Table}_{string.Join('_', index.Items.Select(i => i.Column ?? "expr"))} ON ...");
    }
}
