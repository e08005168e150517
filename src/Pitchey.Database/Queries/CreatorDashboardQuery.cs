using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Queries;

/// <summary>
/// The creator dashboard: two statements in one round trip (a batch), each made of per-creator
/// lookups on the indexes of config/sql/indexes.sql (pitches by user_id, follows by following_id,
/// investments and ndas by pitch_id, nda_requests by owner_id). Cost follows the creator's own
/// pitch count, never the table size. Prepared explicitly (see <see cref="BrowseQuery"/>).
/// </summary>
public sealed class CreatorDashboardQuery
{
    /// <summary>
    /// The creator's pitches are read once (an index-only scan of pitches_user_created_idx, which
    /// includes view_count) and reused; investments are counted in one pass for both totals.
    /// </summary>
    public const string OverviewSql = SqlTags.CreatorDashboard +
        "WITH mine AS MATERIALIZED (SELECT id, view_count FROM pitches WHERE user_id = $1), " +
        "inv AS (SELECT count(*) AS total, count(*) FILTER (WHERE i.status = 'active') AS active " +
        "FROM mine JOIN investments i ON i.pitch_id = mine.id) " +
        "SELECT (SELECT count(*) FROM mine), (SELECT coalesce(sum(view_count), 0)::bigint FROM mine), " +
        "(SELECT count(*) FROM follows WHERE following_id = $1), inv.total, inv.active, " +
        "(SELECT count(*) FROM nda_requests WHERE owner_id = $1 AND status = 'pending'), " +
        "(SELECT count(*) FROM mine JOIN ndas n ON n.pitch_id = mine.id) FROM inv";

    public const string RecentSql = SqlTags.CreatorDashboard +
        "SELECT p.id, p.title, p.logline, p.genre, p.status, p.view_count, p.like_count, " +
        "(SELECT count(*) FROM nda_requests r WHERE r.owner_id = $1 AND r.pitch_id = p.id) " +
        "FROM pitches p WHERE p.user_id = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT 5";

    public async Task<CreatorDashboard> RunAsync(NpgsqlConnection connection, long creatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var batch = new NpgsqlBatch(connection);
        var overview = new NpgsqlBatchCommand(OverviewSql);
        overview.Parameters.Add(new NpgsqlParameter<long> { TypedValue = creatorId, NpgsqlDbType = NpgsqlDbType.Bigint });
        var recent = new NpgsqlBatchCommand(RecentSql);
        recent.Parameters.Add(new NpgsqlParameter<long> { TypedValue = creatorId, NpgsqlDbType = NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(overview);
        batch.BatchCommands.Add(recent);
        StatementTrace.Record(batch);
        await batch.PrepareAsync(cancellationToken);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var totals = new CreatorOverview(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
        await reader.NextResultAsync(cancellationToken);
        var pitches = new List<RecentPitch>(5);
        while (await reader.ReadAsync(cancellationToken))
        {
            pitches.Add(new RecentPitch(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetInt64(7)));
        }

        return new CreatorDashboard(totals, pitches);
    }
}
