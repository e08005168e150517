using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary><c>no-concurrently</c>: a plain build on an existing table blocks its writes for the whole build (apply fixes it).</summary>
internal sealed class NoConcurrentlyRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Index is not { Concurrently: false } index || context.IsMissingTable(index.Table))
        {
            return;
        }

        context.Error(statement, LintCodes.NoConcurrently,
            $"CREATE INDEX {index.Name} on existing table {index.Table} without CONCURRENTLY blocks its writes for the whole build",
            "write CREATE INDEX CONCURRENTLY", fixedByApply: true);
    }
}
