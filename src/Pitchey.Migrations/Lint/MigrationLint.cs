using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Lint.Rules;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint;

/// <summary>
/// Reads a strategy file statement by statement and reports what would hurt production: builds that
/// lock writes, builds that cannot run where they are, predicates PostgreSQL rejects, settings that
/// cannot change per session, references to what does not exist, redundant indexes, and anything it
/// does not understand. Pure: the catalog comes in as a snapshot. Each concern is one
/// <see cref="ILintRule"/> in <c>Rules/</c>; this class only walks the file and runs them.
/// </summary>
public static class MigrationLint
{
    // In this order on each statement, so findings on one line read from the build's shape to its references.
    private static readonly ILintRule[] Rules =
    [
        new UnnamedIndexRule(),
        new NoConcurrentlyRule(),
        new ConcurrentlyInTransactionRule(),
        new IfNotExistsConcurrentlyRule(),
        new NonImmutableRule(),
        new MissingReferenceRule(),
        new OperatorClassRule(),
        new RedundantIndexRule(),
        new SessionSettingRule(),
        new AlterSystemRule(),
        new DropIndexRule(),
        new ExtensionRule(),
        new NotUnderstoodRule(),
        new RenamedColumnRule(),
    ];

    public static LintReport Run(MigrationScript script, CatalogSnapshot? catalog)
    {
        ArgumentNullException.ThrowIfNull(script);
        var context = new LintContext(catalog);
        foreach (var problem in script.Problems)
        {
            context.Add(new LintFinding(problem.Line, LintSeverity.Error, LintCodes.Script, problem.Message, "fix the file at that line"));
        }

        if (catalog is null)
        {
            context.Add(new LintFinding(0, LintSeverity.Info, LintCodes.CatalogSkipped,
                "no database connection and no schema file: table, column and duplicate-index checks skipped",
                "pass --connection, configure Database:Primary, or keep config/sql/schema.sql beside the binary"));
        }

        var statements = script.Statements.Select(MigrationStatement.Parse).ToList();
        foreach (var statement in statements)
        {
            context.InTransaction = statement.Kind switch
            {
                StatementKind.BeginTransaction => true,
                StatementKind.EndTransaction => false,
                _ => context.InTransaction,
            };
            foreach (var rule in Rules)
            {
                rule.Check(statement, context);
            }

            context.Remember(statement);
        }

        return new LintReport(statements, context.Findings.OrderBy(f => f.Line).ToList(), catalog?.Source ?? "none");
    }
}
