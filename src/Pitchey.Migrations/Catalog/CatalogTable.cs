namespace Pitchey.Migrations.Catalog;

/// <summary>A table as the lint and the planner see it.</summary>
public sealed record CatalogTable(string Name, IReadOnlySet<string> Columns, long EstimatedRows, long TotalBytes);
