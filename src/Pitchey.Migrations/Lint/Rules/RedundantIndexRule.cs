using Pitchey.Database.Indexes;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary>
/// <c>name-conflict</c>, <c>duplicate-index</c> and <c>prefix-index</c>: an index whose name is taken,
/// or whose plain columns equal (or lead) an index already known, with the same table, method,
/// operator classes and predicate: twice the write cost for no new plan. (Another operator class
/// serves other operators: <c>gin (title gin_trgm_ops)</c> next to <c>btree (title)</c> is no duplicate.)
/// </summary>
internal sealed class RedundantIndexRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (statement.Index is not { } index || context.Catalog is null)
        {
            return;
        }

        var sameName = index.Name is null ? null : context.KnownIndexes.FirstOrDefault(k => k.Name == index.Name);
        if (sameName is not null)
        {
            CheckName(statement, sameName, context);
            return;
        }

        if (index.IsPlainColumns)
        {
            CheckColumns(statement, context);
        }
    }

    private static void CheckName(MigrationStatement statement, CatalogIndex sameName, LintContext context)
    {
        var index = statement.Index!;
        if (sameName.Table != index.Table)
        {
            context.Error(statement, LintCodes.NameConflict,
                $"an index named {index.Name} already exists on table {sameName.Table}",
                "index names are unique per schema: choose another name");
        }
        else if (IndexComparer.SameDefinition(sameName.Definition, statement.Source.Text))
        {
            context.Info(statement, LintCodes.NameConflict, $"{index.Name} already exists with this definition", "nothing to do: apply skips it");
        }
        else
        {
            context.Warning(statement, LintCodes.NameConflict,
                $"{index.Name} already exists with a different definition: {sameName.Definition}",
                "give the new index another name (apply will not replace an index it did not build)");
        }
    }

    private static void CheckColumns(MigrationStatement statement, LintContext context)
    {
        var index = statement.Index!;
        var columns = index.Items.Select(i => i.Column!).ToArray();
        var key = new IndexKey(index.Table, index.Method, columns, [], index.Predicate, index.Unique);
        foreach (var other in context.KnownIndexes.Where(k => k.Columns.All(c => c is not null)))
        {
            var otherColumns = other.Columns.Select(c => c!).ToArray();
            if (!SameOperatorClasses(index, other, Math.Min(columns.Length, otherColumns.Length)))
            {
                continue;
            }

            switch (IndexCoverage.Compare(key, new IndexKey(other.Table, other.Method, otherColumns, [], other.Predicate, other.Unique)))
            {
                case IndexRedundancy.Duplicate:
                    context.Warning(statement, LintCodes.DuplicateIndex,
                        $"{index.Name} duplicates {other.Name} on {index.Table} ({string.Join(", ", columns)}): twice the write cost, no new plan",
                        $"remove this statement; {other.Name} already serves these queries");
                    return;
                case IndexRedundancy.Prefix:
                    context.Warning(statement, LintCodes.PrefixIndex,
                        $"{index.Name} ({string.Join(", ", columns)}) is a prefix of {other.Name} ({string.Join(", ", otherColumns)}), which serves the same lookups",
                        $"remove this statement unless {other.Name} is much wider; a btree is usable on its leading columns");
                    return;
            }
        }
    }

    private static bool SameOperatorClasses(IndexDefinition index, CatalogIndex other, int count) =>
        Enumerable.Range(0, count).All(i => index.Items[i].OperatorClass == other.OperatorClassAt(i));
}
