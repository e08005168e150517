namespace Pitchey.Database.Queries;

/// <summary>
/// Where a keyset page ends: the last row's sort key and id, and how many rows came before the next
/// page (so <c>page</c> can still be reported). Clients see it only as an opaque string.
/// </summary>
public sealed record BrowseCursor(BrowseSort Sort, bool Descending, long SortValue, long Id, long RowsBefore);

