using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary><c>if-not-exists-concurrently</c>: IF NOT EXISTS keeps an INVALID index left by a failed build (apply checks validity itself).</summary>
internal sealed class IfNotExistsConcurrentlyRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Index is not { Concurrently: true, IfNotExists: true } index)
        {
            return;
        }

        context.Warning(statement, LintCodes.IfNotExistsConcurrently,
            $"CONCURRENTLY IF NOT EXISTS silently skips an INVALID {index.Name} left by an earlier failed build",
            "apply checks indisvalid itself and rebuilds an invalid index; by hand, check pg_index.indisvalid first", fixedByApply: true);
    }
}
