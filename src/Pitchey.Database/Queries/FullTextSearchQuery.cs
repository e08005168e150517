using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// Search in <see cref="SearchMode.FullText"/> mode: full-text search over the weighted
/// <c>search_vector</c> (title A, logline B, description C). <c>websearch_to_tsquery</c> accepts any text without a syntax error. The GIN index finds the
/// matching rows; at most <see cref="TunedQueryOptions.SearchCandidateLimit"/> of them are ranked
/// with <c>ts_rank_cd</c>, so a term that matches half the table costs a bounded amount (its
/// ranking is then over a sample, and the total is flagged as an estimate).
/// </summary>
/// <remarks>
/// Deliberately NOT prepared, unlike the other tuned queries: the best plan depends on how common
/// the term is. A prepared statement soon runs a generic plan that cannot see the term, and on
/// 1M pitches that plan built a GIN bitmap over half the table for a very common word (140 ms
/// instead of 15 ms, measured by the bench verb). An unprepared statement is planned with the
/// actual term every time, for about a millisecond of planning.
/// </remarks>
public sealed class FullTextSearchQuery(IOptions<TunedQueryOptions> options)
{
    private const int FilterGenre = 1, FilterFormat = 2;
    private static readonly string?[] Sql = new string?[4];
    private static readonly string?[] CountOnlySql = new string?[4];

    private readonly TunedQueryOptions _options = options.Value;

    public async Task<SearchPage> RunAsync(NpgsqlConnection connection, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var shape = (request.Genre is null ? 0 : FilterGenre) | (request.Format is null ? 0 : FilterFormat);
        var candidateLimit = _options.SearchCandidateLimit;

        var items = new List<PitchCard>(request.Limit);
        long total = 0;
        await using (var command = new NpgsqlCommand(Sql[shape] ??= BuildSql(shape), connection))
        {
            AddParameters(command.Parameters, request, candidateLimit);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Limit, NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.Offset, NpgsqlDbType = NpgsqlDbType.Integer });
            StatementTrace.Record(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(PitchCard.Read(reader));
                total = reader.GetInt64(15);
            }
        }

        if (items.Count == 0 && request.Offset > 0)
        {
            // Past the last page the window count has no row to ride on: count separately.
            await using var count = new NpgsqlCommand(CountOnlySql[shape] ??= BuildCountSql(shape), connection);
            AddParameters(count.Parameters, request, candidateLimit);
            StatementTrace.Record(count);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return new SearchPage(items, total, total >= candidateLimit, request.Offset + items.Count < total);
    }

    /// <summary>The statement for a filter shape (bit 1 genre, bit 2 format); public so plan tests EXPLAIN what runs.</summary>
    public static string BuildSql(int shape) =>
        // Rank and page the bounded candidate set on ids and vectors alone; only the page's rows
        // are then joined (by primary key) for their columns, so the join never sees 2,000 rows.
        new StringBuilder(900)
            .Append(SqlTags.Search)
            .Append("WITH ranked AS (SELECT c.id, ts_rank_cd(c.search_vector, websearch_to_tsquery('english', $1)) AS rank, ")
            .Append("count(*) OVER () AS total FROM (").Append(CandidateSql(shape)).Append(") AS c")
            .Append(" ORDER BY rank DESC, c.id DESC LIMIT $").Append(NextParameter(shape)).Append(" OFFSET $").Append(NextParameter(shape) + 1)
            .Append(") SELECT ").Append(PitchCard.Columns).Append(", ranked.total")
            .Append(" FROM ranked JOIN pitches p ON p.id = ranked.id JOIN users u ON u.id = p.user_id")
            .Append(" ORDER BY ranked.rank DESC, p.id DESC")
            .ToString();

    private static string BuildCountSql(int shape) =>
        SqlTags.Search + "WITH candidates AS (" + CandidateSql(shape) +
        ") SELECT count(*) FROM candidates";

    private static string CandidateSql(int shape)
    {
        var sql = new StringBuilder("SELECT p.id, p.search_vector FROM pitches p WHERE p.search_vector @@ websearch_to_tsquery('english', $1)")
            .Append(" AND p.status = 'published' AND p.visibility = 'public'");
        var n = 2;
        if ((shape & FilterGenre) != 0)
        {
            sql.Append(" AND p.genre = $").Append(n++);
        }

        if ((shape & FilterFormat) != 0)
        {
            sql.Append(" AND p.format = $").Append(n++);
        }

        return sql.Append(" LIMIT $").Append(n).ToString();
    }

    private static int NextParameter(int shape) =>
        2 + ((shape & FilterGenre) != 0 ? 1 : 0) + ((shape & FilterFormat) != 0 ? 1 : 0) + 1;

    private static void AddParameters(NpgsqlParameterCollection parameters, SearchRequest request, int candidateLimit)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Text, NpgsqlDbType = NpgsqlDbType.Text });
        if (request.Genre is { } genre)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = genre, NpgsqlDbType = NpgsqlDbType.Text });
        }

        if (request.Format is { } format)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = format, NpgsqlDbType = NpgsqlDbType.Text });
        }

        parameters.Add(new NpgsqlParameter<int> { TypedValue = candidateLimit, NpgsqlDbType = NpgsqlDbType.Integer });
    }
}
