namespace Pitchey.Database.Queries;

/// <summary>Browse filters (null: not filtered). A record, so it keys the count cache by value.</summary>
public sealed record BrowseFilter(string? Genre, string? Format, string? Stage, decimal? BudgetMin, decimal? BudgetMax);
