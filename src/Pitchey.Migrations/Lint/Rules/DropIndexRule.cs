using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary><c>drop-index</c>: apply never drops an index it did not create.</summary>
internal sealed class DropIndexRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Kind != StatementKind.DropIndex)
        {
            return;
        }

        context.Error(statement, LintCodes.DropIndex,
            $"DROP INDEX {statement.Target}: apply never drops an index it did not create",
            "use `migrate rollback` for indexes this tool built; drop others by hand with DROP INDEX CONCURRENTLY");
    }
}
