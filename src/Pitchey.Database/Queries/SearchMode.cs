namespace Pitchey.Database.Queries;

/// <summary>How <c>GET /api/pitches/search</c> matches (<c>TunedQueries:Search:Mode</c>).</summary>
public enum SearchMode
{
    /// <summary>
    /// The existing API's semantics: a case-insensitive substring match (<c>ILIKE</c>) of the text,
    /// taken literally, in title, logline or description; newest first.
    /// </summary>
    Substring,

    /// <summary>Ranked full-text search over the weighted <c>search_vector</c> (websearch syntax, stemming).</summary>
    FullText,
}
