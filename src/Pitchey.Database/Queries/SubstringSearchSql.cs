using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// The statements of substring search, one per shape (text present or blank, genre, format), built
/// once and kept. The match is the existing API's own: <c>title ILIKE $1 OR logline ILIKE $1 OR
/// description ILIKE $1</c> over published, public pitches, newest first (<c>created_at DESC</c>,
/// then <c>id DESC</c> so that ties have one order). A blank text matches every pitch, as in the API.
/// </summary>
/// <remarks>
/// The order is the date index's (<c>pitches_browse_date_idx</c>, walked backwards) and each column
/// has a trigram index (<c>pitches_search_*_trgm_idx</c>); the planner picks per term, from the
/// columns' statistics: a common term walks the date index and stops after a page of matches, a rare
/// one reads the few candidates from the trigram indexes and sorts them. That choice needs the term,
/// so none of these statements is prepared (see <see cref="SubstringSearchQuery"/>).
/// </remarks>
internal static class SubstringSearchSql
{
    public const int FilterGenre = 1, FilterFormat = 2, WithText = 4;

    private const string PublishedPublic = "p.status = 'published' AND p.visibility = 'public'";
    private const string Match = "(p.title ILIKE $1 OR p.logline ILIKE $1 OR p.description ILIKE $1)";
    private const string Newest = "p.created_at DESC, p.id DESC";

    private static readonly string?[] PageStatements = new string?[8];
    private static readonly string?[] CandidateStatements = new string?[8];
    private static readonly string?[] EstimateStatements = new string?[8];
    private static readonly string?[] WindowStatements = new string?[4];

    /// <summary>The shape bits of a request.</summary>
    public static int Shape(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Genre is null ? 0 : FilterGenre)
            | (request.Format is null ? 0 : FilterFormat)
            | (request.Text.Length == 0 ? 0 : WithText);
    }

    /// <summary>A page: parameters (pattern), (genre), (format), limit, offset.</summary>
    public static string Page(int shape) => PageStatements[shape] ??= BuildPage(shape);

    /// <summary>
    /// A small match set, counted and paged in one read: at most $bound matches in any order, counted,
    /// then sorted and paged. Parameters: (pattern), (genre), (format), bound, limit, offset. Complete
    /// (and the page right) only while the count stays below the bound. Rows as <see cref="Window"/>'s.
    /// </summary>
    public static string Candidates(int shape) => CandidateStatements[shape] ??= BuildCandidates(shape);

    /// <summary>The planner's estimate of the match set (<c>EXPLAIN (FORMAT JSON)</c>; costs planning only).</summary>
    public static string Estimate(int shape) => EstimateStatements[shape] ??= BuildEstimate(shape);

    /// <summary>
    /// A text with no trigram: the matches among the newest pitches only. Parameters: pattern,
    /// (genre), (format), window size, limit, offset. Every row carries the matches in the window and
    /// the rows scanned; a page past the last match is one row of those two with the pitch columns null.
    /// </summary>
    public static string Window(int shape) => WindowStatements[shape & (FilterGenre | FilterFormat)] ??= BuildWindow(shape | WithText);

    /// <summary>The page statement for a shape; plan tests EXPLAIN exactly what runs.</summary>
    public static string BuildPage(int shape)
    {
        // The page is chosen on (id, created_at) first, so an offset skips matches, not joined rows;
        // only the page's rows are then fetched and joined.
        var sql = new StringBuilder(700).Append(SqlTags.Search).Append("SELECT ").Append(PitchCard.Columns)
            .Append(" FROM (SELECT p.id, p.created_at FROM pitches p WHERE ");
        var next = AppendConditions(sql, shape);
        return sql.Append(" ORDER BY ").Append(Newest).Append(" LIMIT $").Append(next).Append(" OFFSET $").Append(next + 1)
            .Append(") AS page JOIN pitches p ON p.id = page.id JOIN users u ON u.id = p.user_id ORDER BY ").Append(Newest)
            .ToString();
    }

    /// <summary>The window statement for a shape; plan tests EXPLAIN exactly what runs.</summary>
    public static string BuildWindow(int shape)
    {
        // One walk of the date index over at most $scan rows; the counts and the page both come from it.
        var sql = new StringBuilder(900).Append(SqlTags.Search).Append("WITH w AS (SELECT p.id, p.created_at, ").Append(Match)
            .Append(" AS matched FROM pitches p WHERE ");
        var next = AppendConditions(sql, shape, matchInWhere: false);
        sql.Append(" ORDER BY ").Append(Newest).Append(" LIMIT $").Append(next).Append(')');
        return AppendCountedPage(sql, " WHERE w.matched", "count(*) FILTER (WHERE w.matched)", next + 1);
    }

    /// <summary>The candidates statement for a shape; plan tests EXPLAIN exactly what runs.</summary>
    public static string BuildCandidates(int shape)
    {
        // No ORDER BY inside: the planner reads the few matches however is cheapest (the trigram
        // bitmaps, for a rare term), and they are sorted afterwards.
        var sql = new StringBuilder(900).Append(SqlTags.Search).Append("WITH w AS (SELECT p.id, p.created_at FROM pitches p WHERE ");
        var next = AppendConditions(sql, shape);
        sql.Append(" LIMIT $").Append(next).Append(')');
        return AppendCountedPage(sql, "", "count(*)", next + 1);
    }

    /// <summary>
    /// The request's <c>ILIKE</c> pattern, null for a blank text (the shape has no <see cref="WithText"/>).
    /// Built once per request: a request runs up to three statements that all bind it.
    /// </summary>
    public static string? Pattern(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Text.Length == 0 ? null : LikePattern.Containing(request.Text);
    }

    /// <summary>
    /// The text's pattern (<see cref="Pattern"/> of the same request, when the shape has text) and the
    /// present filters, in the order the statements number them.
    /// </summary>
    public static void AddParameters(NpgsqlParameterCollection parameters, string? pattern, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(request);
        if (pattern is not null)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = pattern, NpgsqlDbType = NpgsqlDbType.Text });
        }

        if (request.Genre is { } genre)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = genre, NpgsqlDbType = NpgsqlDbType.Text });
        }

        if (request.Format is { } format)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = format, NpgsqlDbType = NpgsqlDbType.Text });
        }
    }

    /// <summary>
    /// Appends the visibility predicate, the match (unless the caller selects it instead) and the
    /// present filters; returns the next parameter number. The pattern, when there is text, is $1.
    /// </summary>
    private static int AppendConditions(StringBuilder sql, int shape, bool matchInWhere = true)
    {
        // Literals, not parameters, so the planner matches the partial indexes' predicate.
        sql.Append(PublishedPublic);
        var withText = (shape & WithText) != 0;
        if (withText && matchInWhere)
        {
            sql.Append(" AND ").Append(Match);
        }

        var n = withText ? 2 : 1;
        if ((shape & FilterGenre) != 0)
        {
            sql.Append(" AND p.genre = $").Append(n++);
        }

        if ((shape & FilterFormat) != 0)
        {
            sql.Append(" AND p.format = $").Append(n++);
        }

        return n;
    }

    /// <summary>
    /// The page and the counts of the rows in CTE <c>w</c>: the CTE is read twice, so PostgreSQL
    /// materialises it (ids and dates, not text). A page past the last match is one row of counts with
    /// the pitch columns null (the LEFT JOIN), so the counts always come back.
    /// </summary>
    private static string AppendCountedPage(StringBuilder sql, string pageFilter, string matches, int next) =>
        sql.Append(", page AS (SELECT w.id FROM w").Append(pageFilter).Append(" ORDER BY w.created_at DESC, w.id DESC LIMIT $").Append(next)
            .Append(" OFFSET $").Append(next + 1).Append(')')
            .Append(" SELECT ").Append(PitchCard.Columns).Append(", t.matches, t.scanned")
            .Append(" FROM (SELECT ").Append(matches).Append(" AS matches, count(*) AS scanned FROM w) AS t")
            .Append(" LEFT JOIN (page JOIN pitches p ON p.id = page.id JOIN users u ON u.id = p.user_id) ON true")
            .Append(" ORDER BY ").Append(Newest)
            .ToString();

    private static string BuildEstimate(int shape)
    {
        var sql = new StringBuilder(SqlTags.Search).Append("EXPLAIN (FORMAT JSON) SELECT 1 FROM pitches p WHERE ");
        AppendConditions(sql, shape);
        return sql.ToString();
    }
}
