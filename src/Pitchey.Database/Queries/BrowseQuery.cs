using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// Browse: published, public pitches, filtered, sorted, paged by offset or keyset cursor.
/// Each sort key has a partial index (config/sql/indexes.sql) whose order the query follows, so
/// a page reads limit+1 index entries (plus the offset, if any) whatever the table's size.
/// </summary>
/// <remarks>
/// The page runs in a batch that has it planned once per connection (<see cref="BrowseSql.GenericPlans"/>).
/// Statements are prepared explicitly (<see cref="NpgsqlCommand.PrepareAsync(CancellationToken)"/>)
/// rather than through <c>Max Auto Prepare</c>: the set of SQL texts is small and fixed (one per
/// filter/sort shape, built once and kept by <see cref="BrowseSql"/>), preparation does not depend
/// on what an operator put in the connection string, and Npgsql keeps prepared statements on the
/// physical connection across pool rentals, so each shape is parsed and planned once per
/// connection, then only bound.
/// Totals come from a <see cref="TotalCounter{TKey}"/> per filter; a filter it has no live total for
/// gets its estimate in the page's own batch, so a new filter costs one round trip, not two.
/// </remarks>
public sealed class BrowseQuery(IOptions<TunedQueryOptions> options, TimeProvider time) : IDisposable
{
    private static readonly Func<BrowseFilter, CountStatements> CountStatementsOf = filter =>
    {
        var shape = BrowseSql.FilterShape(filter);
        return new CountStatements(BrowseSql.Estimate(shape), BrowseSql.Count(shape), p => BrowseSql.AddFilterParameters(p, filter));
    };

    private readonly TotalCounter<BrowseFilter> _counter = new(options.Value.ExactCountLimit, options.Value.CountCacheTtl, time);

    /// <summary>How many count statements ran (exact or estimated); tests and the bench use it.</summary>
    public long CountQueries => _counter.Queries;

    public async Task<BrowsePage> RunAsync(NpgsqlConnection connection, BrowseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var filterShape = BrowseSql.FilterShape(request.Filter);
        var shape = filterShape | (request.Cursor is null ? 0 : BrowseSql.CursorShape);
        await using var batch = new NpgsqlBatch(connection);
        var page = new NpgsqlBatchCommand(BrowseSql.Page(shape, request.Sort, request.Descending));
        BrowseSql.AddFilterParameters(page.Parameters, request.Filter);
        if (request.Cursor is { } cursor)
        {
            BrowseSql.AddSortValue(page.Parameters, request.Sort, cursor.SortValue);
            page.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor.Id, NpgsqlDbType = NpgsqlDbType.Bigint });
        }

        page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Limit + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        var rowsBefore = request.Cursor?.RowsBefore ?? request.Offset;
        if (request.Cursor is null)
        {
            page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Offset, NpgsqlDbType = NpgsqlDbType.Integer });
        }

        // Fresh commands each time: a batch command holds its connection's prepared statement and its
        // last execution's state, so it cannot be shared by concurrent requests on other connections.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(BrowseSql.GenericPlans));
        batch.BatchCommands.Add(page);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(BrowseSql.DefaultPlans));
        // The slow-query report names what the read asked for; SET and RESET are only how it is planned.
        StatementTrace.Record(page);

        // A filter without a live total will need the planner's estimate unless this is its last page:
        // asked in the same round trip, it costs planning only (and is wasted on a short last page).
        var estimateWanted = !_counter.TryGet(request.Filter, out _);
        if (estimateWanted)
        {
            var explain = new NpgsqlBatchCommand(BrowseSql.Estimate(filterShape));
            BrowseSql.AddFilterParameters(explain.Parameters, request.Filter);
            batch.BatchCommands.Add(explain);
            StatementTrace.Record(explain);
            _counter.NoteEstimateSent();
        }

        await batch.PrepareAsync(cancellationToken);
        var items = new List<PitchCard>(request.Limit + 1);
        long? plannedRows = null;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(PitchCard.Read(reader));
            }

            if (estimateWanted && await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken))
            {
                plannedRows = TotalCounter<BrowseFilter>.PlanRows(reader.GetString(0));
            }
        }

        var hasMore = items.Count > request.Limit;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        var (total, estimate) = await _counter.TotalForPageAsync(
            connection, request.Filter, CountStatementsOf, rowsBefore, items.Count, hasMore, plannedRows, cancellationToken);

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

    public void Dispose() => _counter.Dispose();
}
