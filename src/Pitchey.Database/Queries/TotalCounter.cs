using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// Bounded totals of browse (and the cache of substring search's): from a bounded cache while fresh; otherwise the
/// planner's row estimate (flagged) when that exceeds the exact-count limit, else an exact count
/// with a LIMIT of that size, so no request ever counts a huge match set.
/// </summary>
/// <typeparam name="TKey">What a total depends on (the filters, the search text); user input, so the cache is bounded.</typeparam>
internal sealed class TotalCounter<TKey>(int exactCountLimit, TimeSpan cacheTtl, TimeProvider time) : IDisposable
    where TKey : notnull
{
    // Keys are user input: their variety must never grow the cache without bound.
    private readonly ExpiringCache<TKey, (long Total, bool Estimate)> _totals = new(TunedQueryConstants.CountCacheSize, time);
    private long _queries;

    /// <summary>How many counts ran against the database (exact or estimated).</summary>
    public long Queries => Interlocked.Read(ref _queries);

    /// <param name="statements">Builds the statements for a key; called only when the cache has no live total.</param>
    /// <param name="knownEstimate">The planner's estimate when the caller already read it (in its page's batch).</param>
    public async Task<(long Total, bool Estimate)> CountAsync(
        NpgsqlConnection connection, TKey key, Func<TKey, CountStatements> statements, long? knownEstimate, CancellationToken cancellationToken)
    {
        if (_totals.TryGet(key, out var cached))
        {
            return cached;
        }

        var now = time.GetUtcNow();
        var sql = statements(key);

        // The planner's estimate first: it costs planning only. A big match set is never counted.
        var total = knownEstimate ?? await EstimateAsync(connection, sql.EstimateSql, sql.AddParameters, cancellationToken);
        var estimate = total > exactCountLimit;
        if (!estimate)
        {
            // Small by the estimate: count exactly, but never more than limit + 1 rows in case the estimate was wrong.
            await using var count = new NpgsqlCommand(sql.CountSql, connection);
            sql.AddParameters(count.Parameters);
            count.Parameters.Add(new NpgsqlParameter<int> { TypedValue = exactCountLimit + 1, NpgsqlDbType = NpgsqlDbType.Integer });
            StatementTrace.Record(count);
            await count.PrepareAsync(cancellationToken);

            var exact = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            estimate = exact > exactCountLimit;
            total = estimate ? Math.Max(total, exact) : exact;
        }

        Remember(key, total, estimate, now);
        return (total, estimate);
    }

    /// <summary>The live cached total of a key, if any.</summary>
    public bool TryGet(TKey key, out (long Total, bool Estimate) total) => _totals.TryGet(key, out total);

    /// <summary>Keeps a total found by the caller (counted at <paramref name="since"/>) for the cache's lifetime.</summary>
    public void Remember(TKey key, long total, bool estimate, DateTimeOffset since) => _totals.Set(key, (total, estimate), since + cacheTtl);

    /// <summary>The planner's row estimate of <paramref name="estimateSql"/> (an <c>EXPLAIN (FORMAT JSON)</c>); counts as one of <see cref="Queries"/>.</summary>
    public async Task<long> EstimateAsync(
        NpgsqlConnection connection, string estimateSql, Action<NpgsqlParameterCollection> addParameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addParameters);
        NoteEstimateSent();
        await using var explain = new NpgsqlCommand(estimateSql, connection);
        addParameters(explain.Parameters);
        StatementTrace.Record(explain);
        return PlanRows((string)(await explain.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <summary>Counts an estimate a caller sent itself (in its own batch) as one of <see cref="Queries"/>.</summary>
    public void NoteEstimateSent() => Interlocked.Increment(ref _queries);

    /// <summary>The row estimate in an <c>EXPLAIN (FORMAT JSON)</c> answer.</summary>
    public static long PlanRows(string explainJson)
    {
        using var document = JsonDocument.Parse(explainJson);
        return (long)document.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }

    /// <summary>
    /// A page's total: the page itself when it is the last one (exact, no count needed), else the
    /// counted or estimated total, reconciled with the page (<see cref="Reconcile"/>).
    /// </summary>
    public async Task<(long Total, bool Estimate)> TotalForPageAsync(
        NpgsqlConnection connection, TKey key, Func<TKey, CountStatements> statements,
        long rowsBefore, int rowsOnPage, bool hasMore, long? knownEstimate, CancellationToken cancellationToken)
    {
        if (ProvesTotal(rowsBefore, rowsOnPage, hasMore))
        {
            return (rowsBefore + rowsOnPage, false);
        }

        return Reconcile(await CountAsync(connection, key, statements, knownEstimate, cancellationToken), rowsBefore, rowsOnPage, hasMore);
    }

    /// <summary>
    /// A known total against what a page proves: the last page gives the exact total; a cached or
    /// estimated total that lags behind the page is raised to just past it, flagged.
    /// </summary>
    public static (long Total, bool Estimate) Reconcile((long Total, bool Estimate) known, long rowsBefore, int rowsOnPage, bool hasMore)
    {
        if (ProvesTotal(rowsBefore, rowsOnPage, hasMore))
        {
            return (rowsBefore + rowsOnPage, false);
        }

        return hasMore && known.Total <= rowsBefore + rowsOnPage ? (rowsBefore + rowsOnPage + 1, true) : known;
    }

    public void Dispose() => _totals.Dispose();

    /// <summary>
    /// Whether a page is the last one and so gives the exact total: nothing after it, and either rows
    /// on it or nothing before it (an empty page past the end proves nothing about where the end is).
    /// </summary>
    private static bool ProvesTotal(long rowsBefore, int rowsOnPage, bool hasMore) => !hasMore && (rowsOnPage > 0 || rowsBefore == 0);
}
