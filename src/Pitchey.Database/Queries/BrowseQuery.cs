using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Pitchey.Database.Queries;

/// <summary>Browse sort keys; the byte values are part of the cursor format.</summary>
public enum BrowseSort : byte
{
    Date = 0,
    Views = 1,
    Likes = 2,
    Budget = 3,
}

/// <summary>Browse filters (null: not filtered). A record, so it keys the count cache by value.</summary>
public sealed record BrowseFilter(string? Genre, string? Format, string? Stage, decimal? BudgetMin, decimal? BudgetMax);

/// <summary>One browse request, already validated. With a cursor, <paramref name="Offset"/> is ignored.</summary>
public sealed record BrowseRequest(BrowseFilter Filter, BrowseSort Sort, bool Descending, int Limit, int Offset, BrowseCursor? Cursor);

/// <summary>A browse page. <paramref name="RowsBefore"/> counts the rows ahead of it (offset or cursor position).</summary>
public sealed record BrowsePage(
    IReadOnlyList<PitchCard> Items, long Total, bool TotalIsEstimate, bool HasMore, BrowseCursor? Next, long RowsBefore);

/// <summary>
/// Browse: published, public pitches, filtered, sorted, paged by offset or keyset cursor.
/// Each sort key has a partial index (config/sql/indexes.sql) whose order the query follows, so
/// a page reads limit+1 index entries (plus the offset, if any) whatever the table's size.
/// </summary>
/// <remarks>
/// Statements are prepared explicitly (<see cref="NpgsqlCommand.PrepareAsync(CancellationToken)"/>)
/// rather than through <c>Max Auto Prepare</c>: the set of SQL texts is small and fixed (one per
/// filter/sort shape, built once and cached here), preparation does not depend on what an operator
/// put in the connection string, and Npgsql keeps prepared statements on the physical connection
/// across pool rentals, so each shape is parsed and planned once per connection, then only bound.
/// Filters become SQL only when present (no <c>$1 IS NULL OR ...</c>), so a generic plan is as good
/// as a custom one.
/// </remarks>
public sealed class BrowseQuery(IOptions<TunedQueryOptions> options, TimeProvider time)
{
    private const int FilterGenre = 1, FilterFormat = 2, FilterStage = 4, FilterMin = 8, FilterMax = 16, FilterCursor = 32;
    private const string PublishedPublic = "p.status = 'published' AND p.visibility = 'public'";
    private const int CountCacheCapacity = 10_000;

    private static readonly string?[] PageSql = new string?[64 * 8];
    private static readonly string?[] CountSql = new string?[32];
    private static readonly string?[] EstimateSql = new string?[32];

    private readonly ConcurrentDictionary<BrowseFilter, CountEntry> _counts = new();
    private readonly TunedQueryOptions _options = options.Value;

    /// <summary>How many count statements ran (exact or estimated); tests use it.</summary>
    public long CountQueries => Interlocked.Read(ref _countQueries);

    private long _countQueries;

    public async Task<BrowsePage> RunAsync(NpgsqlConnection connection, BrowseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var filterShape = FilterShape(request.Filter);
        var shape = filterShape | (request.Cursor is null ? 0 : FilterCursor);
        var sqlIndex = shape | ((int)request.Sort << 6) | (request.Descending ? 256 : 0);
        var sql = PageSql[sqlIndex] ??= BuildPageSql(shape, request.Sort, request.Descending);

        await using var command = new NpgsqlCommand(sql, connection);
        AddFilterParameters(command.Parameters, request.Filter);
        if (request.Cursor is { } cursor)
        {
            AddSortValue(command.Parameters, request.Sort, cursor.SortValue);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor.Id, NpgsqlDbType = NpgsqlDbType.Bigint });
        }

        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Limit + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        var rowsBefore = request.Cursor?.RowsBefore ?? request.Offset;
        if (request.Cursor is null)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Offset, NpgsqlDbType = NpgsqlDbType.Integer });
        }

        await command.PrepareAsync(cancellationToken);
        var items = new List<PitchCard>(request.Limit + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(PitchCard.Read(reader));
            }
        }

        var hasMore = items.Count > request.Limit;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        long total;
        var estimate = false;
        if (!hasMore && (items.Count > 0 || rowsBefore == 0))
        {
            // The last page says exactly how many rows there are: no count needed.
            total = rowsBefore + items.Count;
        }
        else
        {
            (total, estimate) = await CountAsync(connection, request.Filter, filterShape, cancellationToken);
            if (hasMore && total <= rowsBefore + items.Count)
            {
                // A cached or estimated total can lag behind what the page just proved.
                total = rowsBefore + items.Count + 1;
                estimate = true;
            }
        }

        BrowseCursor? next = null;
        if (hasMore)
        {
            var last = items[^1];
            next = new BrowseCursor(request.Sort, request.Descending, SortValueOf(last, request.Sort), last.Id, rowsBefore + items.Count);
        }

        return new BrowsePage(items, total, estimate, hasMore, next, rowsBefore);
    }

    /// <summary>The cursor value of a row for a sort key (dates in ticks, budgets in cents).</summary>
    public static long SortValueOf(PitchCard card, BrowseSort sort)
    {
        ArgumentNullException.ThrowIfNull(card);
        return sort switch
        {
            BrowseSort.Date => card.CreatedAt.Ticks,
            BrowseSort.Views => card.ViewCount,
            BrowseSort.Likes => card.LikeCount,
            _ => (long)decimal.Round((card.EstimatedBudget ?? 0m) * 100m),
        };
    }

    /// <summary>The page statement for a shape; public so plan tests EXPLAIN exactly what runs.</summary>
    public static string BuildPageSql(int shape, BrowseSort sort, bool descending)
    {
        var key = SortExpression(sort);
        var direction = descending ? "DESC" : "ASC";
        // The page is chosen on ids first (an index-only walk when no filter needs the heap), so an
        // offset skips index entries, not joined rows; only the page's rows are then fetched and joined.
        var sql = new StringBuilder(640)
            .Append("SELECT ").Append(PitchCard.Columns)
            .Append(" FROM (SELECT p.id FROM pitches p WHERE ").Append(PublishedPublic);
        var next = AppendFilters(sql, shape);
        if ((shape & FilterCursor) != 0)
        {
            sql.Append(" AND (").Append(key).Append(", p.id) ").Append(descending ? '<' : '>')
                .Append(" ($").Append(next).Append(", $").Append(next + 1).Append(')');
            next += 2;
        }

        sql.Append(" ORDER BY ").Append(key).Append(' ').Append(direction).Append(", p.id ").Append(direction)
            .Append(" LIMIT $").Append(next);
        if ((shape & FilterCursor) == 0)
        {
            sql.Append(" OFFSET $").Append(next + 1);
        }

        return sql.Append(") AS page JOIN pitches p ON p.id = page.id JOIN users u ON u.id = p.user_id")
            .Append(" ORDER BY ").Append(key).Append(' ').Append(direction).Append(", p.id ").Append(direction)
            .ToString();
    }

    /// <summary>The filter bits of a filter; with <see cref="BuildPageSql"/> for plan tests.</summary>
    public static int FilterShape(BrowseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (filter.Genre is null ? 0 : FilterGenre)
            | (filter.Format is null ? 0 : FilterFormat)
            | (filter.Stage is null ? 0 : FilterStage)
            | (filter.BudgetMin is null ? 0 : FilterMin)
            | (filter.BudgetMax is null ? 0 : FilterMax);
    }

    /// <summary>The cursor shape bit, for plan tests.</summary>
    public const int CursorShape = FilterCursor;

    internal static void AddFilterParameters(NpgsqlParameterCollection parameters, BrowseFilter filter)
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

    private static void AddSortValue(NpgsqlParameterCollection parameters, BrowseSort sort, long value)
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

    /// <summary>
    /// The total for a filter: from the cache while fresh; otherwise the planner's row estimate
    /// (flagged) when that exceeds <see cref="TunedQueryOptions.ExactCountLimit"/>, else an exact
    /// count with a LIMIT of that size, so no request ever counts a huge match set.
    /// </summary>
    private async Task<(long Total, bool Estimate)> CountAsync(
        NpgsqlConnection connection, BrowseFilter filter, int filterShape, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_counts.TryGetValue(filter, out var cached) && cached.Until > now)
        {
            return (cached.Total, cached.Estimate);
        }

        Interlocked.Increment(ref _countQueries);
        var limit = _options.ExactCountLimit;

        // The planner's estimate first: it costs planning only. A big match set is never counted.
        long total;
        await using (var explain = new NpgsqlCommand(EstimateSql[filterShape] ??= BuildEstimateSql(filterShape), connection))
        {
            AddFilterParameters(explain.Parameters, filter);
            total = PlanRows((string)(await explain.ExecuteScalarAsync(cancellationToken))!);
        }

        var estimate = total > limit;
        if (!estimate)
        {
            // Small by the estimate: count exactly, but never more than limit + 1 rows in case the estimate was wrong.
            await using var count = new NpgsqlCommand(CountSql[filterShape] ??= BuildCountSql(filterShape), connection);
            AddFilterParameters(count.Parameters, filter);
            count.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1, NpgsqlDbType = NpgsqlDbType.Integer });
            await count.PrepareAsync(cancellationToken);
            var exact = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            estimate = exact > limit;
            total = estimate ? Math.Max(total, exact) : exact;
        }

        if (_counts.Count >= CountCacheCapacity)
        {
            // Filters are user input: never let their variety grow the cache without bound.
            _counts.Clear();
        }

        _counts[filter] = new CountEntry(total, estimate, now + _options.CountCacheTtl);
        return (total, estimate);
    }

    private static string BuildCountSql(int filterShape)
    {
        var sql = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM pitches p WHERE ").Append(PublishedPublic);
        var next = AppendFilters(sql, filterShape);
        return sql.Append(" LIMIT $").Append(next).Append(") AS bounded").ToString();
    }

    private static string BuildEstimateSql(int filterShape)
    {
        var sql = new StringBuilder("EXPLAIN (FORMAT JSON) SELECT 1 FROM pitches p WHERE ").Append(PublishedPublic);
        AppendFilters(sql, filterShape);
        return sql.ToString();
    }

    private static long PlanRows(string explainJson)
    {
        using var document = JsonDocument.Parse(explainJson);
        return (long)document.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }

    private sealed record CountEntry(long Total, bool Estimate, DateTimeOffset Until);
}
