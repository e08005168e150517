using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary><c>not-understood</c> for CREATE EXTENSION without IF NOT EXISTS: a rerun would stop on it.</summary>
internal sealed class ExtensionRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Kind != StatementKind.CreateExtension || statement.IfNotExists)
        {
            return;
        }

        context.Warning(statement, LintCodes.NotUnderstood,
            $"CREATE EXTENSION {statement.Target} fails when the extension exists, so a rerun would stop here",
            $"write CREATE EXTENSION IF NOT EXISTS {statement.Target}");
    }
}
