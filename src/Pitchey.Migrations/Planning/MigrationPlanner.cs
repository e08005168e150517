using Pitchey.Database.Indexes;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Planning;

/// <summary>What <c>migrate apply</c> would do with a file, without doing it. Pure: reads a catalog snapshot.</summary>
public static class MigrationPlanner
{
    public static IReadOnlyList<PlanStep> Plan(LintReport lint, CatalogSnapshot catalog, int? phase)
    {
        ArgumentNullException.ThrowIfNull(lint);
        ArgumentNullException.ThrowIfNull(catalog);
        var steps = new List<PlanStep>();
        foreach (var statement in lint.Statements.Where(s => s.Kind != StatementKind.Query).OrderBy(s => s.Source.Phase))
        {
            var source = statement.Source;
            if (phase is not null && source.Phase != phase && !(source.Phase == 0 && statement.Kind is StatementKind.Set or StatementKind.Reset))
            {
                continue;
            }

            steps.Add(statement.Kind switch
            {
                StatementKind.CreateIndex => PlanIndex(statement, catalog),
                StatementKind.Set or StatementKind.Reset => Step(statement, lint.Allows(statement) ? "session setting" : "not allowed",
                    lint.Allows(statement) ? "apply to the migration's session" : "skip", "nothing to undo (session only)"),
                StatementKind.Analyze => Step(statement, "", lint.Allows(statement) ? "run (once; recorded)" : "skip", "nothing to undo"),
                StatementKind.CreateExtension => Step(statement, "", lint.Allows(statement) ? "run (once; recorded)" : "skip",
                    "none: rollback never drops extensions"),
                StatementKind.BeginTransaction or StatementKind.EndTransaction => Step(statement, "", "ignore (builds run outside transactions)", "-"),
                _ => Step(statement, "not allowed", "skip", "-"),
            });
        }

        return steps;
    }

    private static PlanStep PlanIndex(MigrationStatement statement, CatalogSnapshot catalog)
    {
        var index = statement.Index!;
        catalog.Tables.TryGetValue(index.Table, out var table);
        var name = index.Name ?? "(unnamed)";
        var existing = index.Name is null ? null : catalog.FindIndex(index.Name);
        var drop = $"DROP INDEX CONCURRENTLY IF EXISTS {name}";
        string state, action, rollback;
        if (existing is null)
        {
            (state, action, rollback) = ("missing", "build CONCURRENTLY, check valid, analyse table", drop);
        }
        else if (existing.Table != index.Table || !IndexComparer.SameDefinition(existing.Definition, statement.Source.Text))
        {
            (state, action, rollback) = ($"exists with a different definition: {existing.Definition}", "skip (conflict: not touched)", "none (not created by this run)");
        }
        else if (!existing.Valid || !existing.Ready)
        {
            (state, action, rollback) = ("exists, INVALID", "drop concurrently, rebuild, check valid", drop);
        }
        else
        {
            (state, action, rollback) = ("exists, valid", "skip", "none unless this tool built it (see migrate status)");
        }

        return new PlanStep(statement.Source.Phase, statement.Source.PhaseName, statement.Line, $"index {name} on {index.Table}",
            index.Table, table?.EstimatedRows, table?.TotalBytes, state, action, rollback);
    }

    private static PlanStep Step(MigrationStatement statement, string state, string action, string rollback) =>
        new(statement.Source.Phase, statement.Source.PhaseName, statement.Line, statement.Summary, statement.Tables.FirstOrDefault(),
            null, null, state, action, rollback);
}
