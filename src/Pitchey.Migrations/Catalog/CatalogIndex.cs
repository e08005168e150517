using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Catalog;

/// <summary>An existing index. <see cref="Columns"/> holds null for expression elements.</summary>
public sealed record CatalogIndex(
    string Name,
    string Table,
    bool Unique,
    bool Valid,
    bool Ready,
    string Method,
    IReadOnlyList<string?> Columns,
    string? Predicate,
    string Definition)
{
    /// <summary>The index a named <c>CREATE INDEX</c> statement (<paramref name="text"/>) would create, as if built and valid.</summary>
    internal static CatalogIndex Written(IndexDefinition index, string text) =>
        new(index.Name!, index.Table, index.Unique, true, true, index.Method, index.Items.Select(i => i.Column).ToArray(), index.Predicate, text);
}
