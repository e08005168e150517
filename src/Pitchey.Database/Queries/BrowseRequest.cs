namespace Pitchey.Database.Queries;

/// <summary>One browse request, already validated. With a cursor, <paramref name="Offset"/> is ignored.</summary>
public sealed record BrowseRequest(BrowseFilter Filter, BrowseSort Sort, bool Descending, int Limit, int Offset, BrowseCursor? Cursor);
