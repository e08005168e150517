using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary><c>not-per-session</c> for ALTER SYSTEM: it changes the server's configuration, not the migration's session.</summary>
internal sealed class AlterSystemRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Kind != StatementKind.AlterSystem)
        {
            return;
        }

        context.Error(statement, LintCodes.SessionSetting,
            $"ALTER SYSTEM SET {statement.Target} changes the server's configuration, not this migration's session",
            "leave server settings to the operator (postgresql.conf + reload or restart); remove it from the strategy");
    }
}
