using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint.Rules;

/// <summary>
/// <c>missing-table</c> and <c>missing-column</c>: an index (its columns, expressions and predicate)
/// or an ANALYZE that names what the catalog does not have. Silent without a catalog.
/// </summary>
internal sealed class MissingReferenceRule : ILintRule
{
    public void Check(MigrationStatement statement, LintContext context)
    {
        if (context.Catalog is not { } catalog)
        {
            return;
        }

        if (statement.Kind == StatementKind.Analyze)
        {
            foreach (var missing in statement.Tables.Where(t => !catalog.Tables.ContainsKey(t)))
            {
                context.Add(MissingTable(statement, missing, catalog));
            }

            return;
        }

        if (statement.Index is not { } index)
        {
            return;
        }

        if (!catalog.Tables.TryGetValue(index.Table, out var table))
        {
            context.Add(MissingTable(statement, index.Table, catalog));
            return;
        }

        foreach (var item in index.Items.Where(i => i.Column is not null && !table.Columns.Contains(i.Column)))
        {
            context.Add(MissingColumn(statement, table, item.Column!));
        }

        var expressions = index.Items.Where(i => i.Column is null).SelectMany(i => i.Tokens).Concat(index.PredicateTokens).ToList();
        foreach (var column in ColumnReferences(expressions).Where(c => !table.Columns.Contains(c)))
        {
            context.Add(MissingColumn(statement, table, column));
        }
    }

    private static IEnumerable<string> ColumnReferences(List<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsIdentifier)
            {
                continue;
            }

            var isCall = i + 1 < tokens.Count && tokens[i + 1].IsSymbol("(");
            var isType = i > 0 && (tokens[i - 1].IsSymbol("::") || (tokens[i - 1].IsIdentifier && SqlWords.ExpressionKeywords.Contains(tokens[i - 1].Value) && tokens[i - 1].Value is "as" or "with" or "without" or "time" or "double" or "character"));
            var qualifier = i + 1 < tokens.Count && tokens[i + 1].IsSymbol(".");
            var isTypedLiteral = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.String;
            if (isCall || isType || qualifier || isTypedLiteral)
            {
                continue;
            }

            if (token.Kind == TokenKind.Word && (SqlWords.ExpressionKeywords.Contains(token.Value) || SqlWords.NonImmutableKeywords.Contains(token.Value)))
            {
                continue;
            }

            yield return token.Value;
        }
    }

    private static LintFinding MissingTable(MigrationStatement statement, string table, CatalogSnapshot catalog) =>
        new(statement.Line, LintSeverity.Error, LintCodes.MissingTable,
            $"table {table} does not exist (checked against {catalog.Source})",
            $"check the name; known tables: {string.Join(", ", catalog.Tables.Keys.Order(StringComparer.Ordinal))}");

    private static LintFinding MissingColumn(MigrationStatement statement, CatalogTable table, string column) =>
        new(statement.Line, LintSeverity.Error, LintCodes.MissingColumn,
            $"column {column} does not exist in {table.Name}",
            $"check the name; {table.Name} has: {string.Join(", ", table.Columns.Order(StringComparer.Ordinal))}");
}
