using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// Browse's totals: from a bounded cache while fresh (<see cref="TunedQueryOptions.CountCacheTtl"/>);
/// otherwise the planner's row estimate (flagged) when that exceeds
/// <see cref="TunedQueryOptions.ExactCountLimit"/>, else an exact count with a LIMIT of that size,
/// so no request ever counts a huge match set.
/// </summary>
internal sealed class BrowseCounter(TunedQueryOptions options, TimeProvider time) : IDisposable
{
    // Filters are user input: their variety must never grow the cache without bound.
    private readonly ExpiringCache<BrowseFilter, (long Total, bool Estimate)> _totals = new(TunedQueryConstants.CountCacheSize, time);
    private long _queries;

    /// <summary>How many counts ran against the database (exact or estimated).</summary>
    public long Queries => Interlocked.Read(ref _queries);

    public async Task<(long Total, bool Estimate)> CountAsync(
        NpgsqlConnection connection, BrowseFilter filter, int filterShape, CancellationToken cancellationToken)
    {
        if (_totals.TryGet(filter, out var cached))
        {
            return cached;
        }

        var now = time.GetUtcNow();
        Interlocked.Increment(ref _queries);
        var limit = options.ExactCountLimit;

        // The planner's estimate first: it costs planning only. A big match set is never counted.
        long total;
        await using (var explain = new NpgsqlCommand(BrowseSql.Estimate(filterShape), connection))
        {
            BrowseSql.AddFilterParameters(explain.Parameters, filter);
            StatementTrace.Record(explain);
            total = PlanRows((string)(await explain.ExecuteScalarAsync(cancellationToken))!);
        }

        var estimate = total > limit;
        if (!estimate)
        {
            // Small by the estimate: count exactly, but never more than limit + 1 rows in case the estimate was wrong.
            await using var count = new NpgsqlCommand(BrowseSql.Count(filterShape), connection);
            BrowseSql.AddFilterParameters(count.Parameters, filter);
            count.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1, NpgsqlDbType = NpgsqlDbType.Integer });
            StatementTrace.Record(count);
            await count.PrepareAsync(cancellationToken);
            var exact = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            estimate = exact > limit;
            total = estimate ? Math.Max(total, exact) : exact;
        }

        _totals.Set(filter, (total, estimate), now + options.CountCacheTtl);
        return (total, estimate);
    }

    public void Dispose() => _totals.Dispose();

    private static long PlanRows(string explainJson)
    {
        using var document = JsonDocument.Parse(explainJson);
        return (long)document.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }
}
