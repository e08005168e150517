using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary><c>concurrently-in-transaction</c>: PostgreSQL refuses CONCURRENTLY inside BEGIN ... COMMIT (apply fixes it).</summary>
internal sealed class ConcurrentlyInTransactionRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Index is not { Concurrently: true } || !context.InTransaction)
        {
            return;
        }

        context.Error(statement, LintCodes.ConcurrentlyInTransaction,
            "CREATE INDEX CONCURRENTLY cannot run inside a transaction block (BEGIN ... COMMIT)",
            "remove BEGIN/COMMIT around index builds (apply runs each build in its own implicit transaction)", fixedByApply: true);
    }
}
