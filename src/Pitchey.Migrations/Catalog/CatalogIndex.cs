using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Catalog;

/// <summary>
/// An existing index. <see cref="Columns"/> holds null for expression elements,
/// <see cref="OperatorClasses"/> null for a key element with its method's default operator class.
/// </summary>
public sealed record CatalogIndex(
    string Name,
    string Table,
    bool Unique,
    bool Valid,
    bool Ready,
    string Method,
    IReadOnlyList<string?> Columns,
    string? Predicate,
    string Definition,
    IReadOnlyList<string?>? OperatorClasses = null)
{
    /// <summary>The index a named <c>CREATE INDEX</c> statement (<paramref name="text"/>) would create, as if built and valid.</summary>
    internal static CatalogIndex Written(IndexDefinition index, string text) =>
        new(index.Name!, index.Table, index.Unique, true, true, index.Method, index.Items.Select(i => i.Column).ToArray(), index.Predicate, text,
            index.Items.Select(i => i.OperatorClass).ToArray());

    /// <summary>The operator class of key element <paramref name="position"/>; null for the default (or when not known).</summary>
    public string? OperatorClassAt(int position) => OperatorClasses is { } classes && position < classes.Count ? classes[position] : null;
}
