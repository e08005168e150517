using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// Browse's statements, one per shape (which filters are present, cursor or offset, sort key and
/// order), built once and kept, with the parameters each expects in order. Filters become SQL
/// only when present (no <c>$1 IS NULL OR ...</c>), so a generic plan is as good as a custom one.
/// </summary>
internal static class BrowseSql
{
    public const int FilterGenre = 1, FilterFormat = 2, FilterStage = 4, FilterMin = 8, FilterMax = 16;

    /// <summary>The shape bit of a page read after a cursor (keyset) rather than at an offset.</summary>
    public const int CursorShape = 32;

    /// <summary>
    /// Run before a page statement in the same batch: the page is planned once per connection (its
    /// generic plan) instead of on every execution. Left to itself PostgreSQL keeps choosing custom
    /// plans for these statements, because a generic plan's cost for <c>LIMIT $n</c> assumes a tenth of
    /// the rows, so every cold page paid a full planning (0.4 ms at 1M pitches, as much as running it)
    /// for the same plan (docs/benchmarks.md, "Cold keys"). Not a per-connection setting (<c>Options=-c
    /// plan_cache_mode=...</c>): PostgreSQL applies it to the unnamed statements Npgsql sends for
    /// unprepared commands as well, so search, unprepared for its per-term plans, would lose them
    /// (docs/database.md, "Prepared statements").
    /// </summary>
    public const string GenericPlans = SqlTags.Browse + "SET plan_cache_mode = force_generic_plan";

    /// <summary>
    /// Ends the batch <see cref="GenericPlans"/> began, so the pooled session keeps its own setting
    /// (substring search relies on custom plans). A batch is one implicit transaction, so when the page
    /// fails the SET is rolled back with it and this is not needed.
    /// </summary>
    public const string DefaultPlans = SqlTags.Browse + "RESET plan_cache_mode";

    private const string PublishedPublic = "p.status = 'published' AND p.visibility = 'public'";

    private static readonly string?[] PageStatements = new string?[64 * 8];
    private static readonly string?[] CountStatements = new string?[32];
    private static readonly string?[] EstimateStatements = new string?[32];

    /// <summary>The filter bits of a filter.</summary>
    public static int FilterShape(BrowseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (filter.Genre is null ? 0 : FilterGenre)
            | (filter.Format is null ? 0 : FilterFormat)
            | (filter.Stage is null ? 0 : FilterStage)
            | (filter.BudgetMin is null ? 0 : FilterMin)
            | (filter.BudgetMax is null ? 0 : FilterMax);
    }

    /// <summary>The page statement of a shape, built on first use.</summary>
    public static string Page(int shape, BrowseSort sort, bool descending) =>
        PageStatements[shape | ((int)sort << 6) | (descending ? 256 : 0)] ??= BuildPage(shape, sort, descending);

    /// <summary>An exact count of a filter's matches, bounded by a LIMIT parameter after the filters.</summary>
    public static string Count(int filterShape) => CountStatements[filterShape] ??= BuildCount(filterShape);

    /// <summary>The planner's estimate of a filter's matches (<c>EXPLAIN (FORMAT JSON)</c>; costs planning only).</summary>
    public static string Estimate(int filterShape) => EstimateStatements[filterShape] ??= BuildEstimate(filterShape);

    /// <summary>The page statement for a shape; plan tests EXPLAIN exactly what runs.</summary>
    public static string BuildPage(int shape, BrowseSort sort, bool descending)
    {
        var key = SortExpression(sort);
        var direction = descending ? "DESC" : "ASC";
        // The page is chosen on ids first (an index-only walk when no filter needs the heap), so an
        // offset skips index entries, not joined rows; only the page's rows are then fetched and joined.
        var sql = new StringBuilder(640)
            .Append(SqlTags.Browse)
            .Append("SELECT ").Append(PitchCard.Columns)
            .Append(" FROM (SELECT p.id FROM pitches p WHERE ").Append(PublishedPublic);
        var next = AppendFilters(sql, shape);
        if ((shape & CursorShape) != 0)
        {
            sql.Append(" AND (").Append(key).Append(", p.id) ").Append(descending ? '<' : '>')
                .Append(" ($").Append(next).Append(", $").Append(next + 1).Append(')');
            next += 2;
        }

        sql.Append(" ORDER BY ").Append(key).Append(' ').Append(direction).Append(", p.id ").Append(direction)
            .Append(" LIMIT $").Append(next);
        if ((shape & CursorShape) == 0)
        {
            sql.Append(" OFFSET $").Append(next + 1);
        }

        return sql.Append(") AS page JOIN pitches p ON p.id = page.id JOIN users u ON u.id = p.user_id")
            .Append(" ORDER BY ").Append(key).Append(' ').Append(direction).Append(", p.id ").Append(direction)
            .ToString();
    }

    /// <summary>The present filters' values, in the order <see cref="AppendFilters"/> numbers them.</summary>
    public static void AddFilterParameters(NpgsqlParameterCollection parameters, BrowseFilter filter)
    {
        if (filter.Genre is { } genre)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = genre, NpgsqlDbType = NpgsqlDbType.Text });
        }

        if (filter.Format is { } format)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = format, NpgsqlDbType = NpgsqlDbType.Text });
        }

        if (filter.Stage is { } stage)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = stage, NpgsqlDbType = NpgsqlDbType.Text });
        }

        if (filter.BudgetMin is { } min)
        {
            parameters.Add(new NpgsqlParameter<decimal> { TypedValue = min, NpgsqlDbType = NpgsqlDbType.Numeric });
        }

        if (filter.BudgetMax is { } max)
        {
            parameters.Add(new NpgsqlParameter<decimal> { TypedValue = max, NpgsqlDbType = NpgsqlDbType.Numeric });
        }
    }

    /// <summary>A cursor's sort value as the sort column's type (dates from ticks, budgets from cents).</summary>
    public static void AddSortValue(NpgsqlParameterCollection parameters, BrowseSort sort, long value)
    {
        switch (sort)
        {
            case BrowseSort.Date:
                parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = new DateTime(value, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                break;
            case BrowseSort.Budget:
                parameters.Add(new NpgsqlParameter<decimal> { TypedValue = value / 100m, NpgsqlDbType = NpgsqlDbType.Numeric });
                break;
            default:
                // view_count and like_count are integer columns; a forged huge value is caught by the MAC.
                parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)Math.Clamp(value, int.MinValue, int.MaxValue), NpgsqlDbType = NpgsqlDbType.Integer });
                break;
        }
    }

    private static string SortExpression(BrowseSort sort) => sort switch
    {
        BrowseSort.Date => "p.created_at",
        BrowseSort.Views => "p.view_count",
        BrowseSort.Likes => "p.like_count",
        _ => "coalesce(p.estimated_budget, 0)",
    };

    /// <summary>Appends the present filters with positional parameters; returns the next parameter number.</summary>
    private static int AppendFilters(StringBuilder sql, int shape)
    {
        var n = 1;
        if ((shape & FilterGenre) != 0)
        {
            sql.Append(" AND p.genre = $").Append(n++);
        }

        if ((shape & FilterFormat) != 0)
        {
            sql.Append(" AND p.format = $").Append(n++);
        }

        if ((shape & FilterStage) != 0)
        {
            sql.Append(" AND p.production_stage = $").Append(n++);
        }

        if ((shape & FilterMin) != 0)
        {
            sql.Append(" AND p.estimated_budget >= $").Append(n++);
        }

        if ((shape & FilterMax) != 0)
        {
            sql.Append(" AND p.estimated_budget <= $").Append(n++);
        }

        return n;
    }

    private static string BuildCount(int filterShape)
    {
        var sql = new StringBuilder(SqlTags.Browse).Append("SELECT count(*) FROM (SELECT 1 FROM pitches p WHERE ").Append(PublishedPublic);
        var next = AppendFilters(sql, filterShape);
        return sql.Append(" LIMIT $").Append(next).Append(") AS bounded").ToString();
    }

    private static string BuildEstimate(int filterShape)
    {
        var sql = new StringBuilder(SqlTags.Browse).Append("EXPLAIN (FORMAT JSON) SELECT 1 FROM pitches p WHERE ").Append(PublishedPublic);
        AppendFilters(sql, filterShape);
        return sql.ToString();
    }
}
