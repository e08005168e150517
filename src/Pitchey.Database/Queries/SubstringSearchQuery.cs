using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// Search in <see cref="SearchMode.Substring"/> mode, the existing API's semantics: published, public
/// pitches whose title, logline or description contains the text (case-insensitive, taken
/// literally: <c>%</c>, <c>_</c> and <c>\</c> are characters), newest first, then by id. Exactly the
/// rows and the order of the reference <c>ILIKE</c> query; statements in <see cref="SubstringSearchSql"/>.
/// </summary>
/// <remarks>
/// <para>
/// Deliberately NOT prepared: whether to walk the date index (a common term: a page of matches comes
/// soon) or to read the trigram indexes (a rare term: a walk would read the whole table) depends on
/// the term. On 1M pitches a generic plan, which cannot see it, chose the trigram bitmap for every
/// term: 2.4 s for "story" (in 99 % of the pitches) instead of 0.5 ms. Unprepared, each statement is
/// planned with the actual pattern, for about a millisecond of planning.
/// </para>
/// <para>
/// A text without a trigram (<see cref="LikePattern.HasTrigram"/>) gives the trigram indexes nothing
/// to look up, so a rare one would scan every pitch; it is matched among the newest
/// <see cref="SearchOptions.ShortTermScanLimit"/> pitches instead: the rows are exactly the
/// reference's first rows, and the total, flagged when that window was full, counts the window only.
/// </para>
/// <para>
/// Totals, cached per text and filters: when none is cached, the planner's estimate first (planning
/// only). Above <see cref="SearchOptions.ExactCountLimit"/> it is the total, flagged. Below, one read
/// of at most that many matches counts them and gives the page too (for a rare term: the trigram
/// bitmaps read once, not once for the page and once for the count); only when that bound is reached
/// after all does the ordered page query run. A last page proves its own total.
/// </para>
/// </remarks>
public sealed class SubstringSearchQuery(IOptions<TunedQueryOptions> options, TimeProvider time) : IDisposable
{
    private readonly SearchOptions _options = options.Value.Search;
    private readonly TimeProvider _time = time;
    private readonly TotalCounter<SearchRequest> _counter = new(options.Value.Search.ExactCountLimit, options.Value.CountCacheTtl, time);

    /// <summary>How many totals were looked up in the database (each an estimate, perhaps a count after it); tests use it.</summary>
    public long CountQueries => _counter.Queries;

    public Task<SearchPage> RunAsync(NpgsqlConnection connection, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var pattern = SubstringSearchSql.Pattern(request);
        return pattern is not null && !LikePattern.HasTrigram(request.Text)
            ? RunWindowAsync(connection, request, pattern, cancellationToken)
            : RunIndexedAsync(connection, request, pattern, cancellationToken);
    }

    public void Dispose() => _counter.Dispose();

    private async Task<SearchPage> RunIndexedAsync(NpgsqlConnection connection, SearchRequest request, string? pattern, CancellationToken cancellationToken)
    {
        var shape = SubstringSearchSql.Shape(request);
        // The key leaves out the page: one total per text and filters.
        var key = request with { Limit = 0, Offset = 0 };
        if (!_counter.TryGet(key, out var known))
        {
            var since = _time.GetUtcNow();
            var limit = _options.ExactCountLimit;
            var estimate = await _counter.EstimateAsync(
                connection, SubstringSearchSql.Estimate(shape), p => SubstringSearchSql.AddParameters(p, pattern, request), cancellationToken);
            known = (estimate, true);
            if (estimate <= limit)
            {
                var (items, matches, _) = await ReadCountedPageAsync(connection, SubstringSearchSql.Candidates(shape), request, pattern, limit + 1, cancellationToken);
                if (matches <= limit)
                {
                    _counter.Remember(key, matches, false, since);
                    return new SearchPage(items, matches, false, request.Offset + items.Count < matches);
                }

                // More than the estimate said: the candidates were a sample, so page in order below.
                known = (Math.Max(estimate, matches), true);
            }

            _counter.Remember(key, known.Total, known.Estimate, since);
        }

        var page = new List<PitchCard>(request.Limit + 1);
        await using (var command = new NpgsqlCommand(SubstringSearchSql.Page(shape), connection))
        {
            SubstringSearchSql.AddParameters(command.Parameters, pattern, request);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Limit + 1, NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Offset, NpgsqlDbType = NpgsqlDbType.Integer });
            StatementTrace.Record(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                page.Add(PitchCard.Read(reader));
            }
        }

        var hasMore = page.Count > request.Limit;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        var (total, flagged) = TotalCounter<SearchRequest>.Reconcile(known, request.Offset, page.Count, hasMore);
        return new SearchPage(page, total, flagged, hasMore);
    }

    private async Task<SearchPage> RunWindowAsync(NpgsqlConnection connection, SearchRequest request, string pattern, CancellationToken cancellationToken)
    {
        var (items, matches, scanned) = await ReadCountedPageAsync(
            connection, SubstringSearchSql.Window(SubstringSearchSql.Shape(request)), request, pattern, _options.ShortTermScanLimit, cancellationToken);
        var windowFull = scanned >= _options.ShortTermScanLimit;
        return new SearchPage(items, matches, windowFull, request.Offset + items.Count < matches);
    }

    /// <summary>Runs a window or candidates statement: the page, the matches among the rows it read, and how many it read.</summary>
    private static async Task<(List<PitchCard> Items, long Matches, long Scanned)> ReadCountedPageAsync(
        NpgsqlConnection connection, string sql, SearchRequest request, string? pattern, int bound, CancellationToken cancellationToken)
    {
        var items = new List<PitchCard>(request.Limit);
        long matches = 0, scanned = 0;
        await using var command = new NpgsqlCommand(sql, connection);
        SubstringSearchSql.AddParameters(command.Parameters, pattern, request);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = bound, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Limit, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Offset, NpgsqlDbType = NpgsqlDbType.Integer });
        StatementTrace.Record(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A page past the last match is the counts alone, the pitch columns null.
            if (!reader.IsDBNull(0))
            {
                items.Add(PitchCard.Read(reader));
            }

            matches = reader.GetInt64(15);
            scanned = reader.GetInt64(16);
        }

        return (items, matches, scanned);
    }
}
