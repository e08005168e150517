using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.DataSources;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Insight;

/// <summary>
/// One host's workload: its statistics window, <c>pg_stat_statements</c> (when installed),
/// <c>pg_stat_user_indexes</c>, <c>pg_stat_user_tables</c> and <c>pg_stat_activity</c>. Every
/// statement is read-only, tagged <see cref="SqlTags.Insight"/> (so the workload figures leave the
/// insight out) and bounded by <see cref="InsightOptions.QueryTimeout"/> (Npgsql cancels it on the
/// server after that). Runs in the background only.
/// </summary>
internal static class WorkloadReader
{
    private const string Facts = SqlTags.Insight + """
        SELECT pg_is_in_recovery(), current_setting('server_version_num')::int, now(), pg_postmaster_start_time(), d.stats_reset,
               CASE WHEN has_function_privilege('pg_catalog.pg_stat_file(text, boolean)', 'EXECUTE')
                    THEN (pg_stat_file('base/' || db.oid || '/PG_VERSION', true)).modification END,
               coalesce((SELECT setting FROM pg_settings WHERE name = 'shared_preload_libraries'), ''),
               EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements')
        FROM pg_database db LEFT JOIN pg_stat_database d ON d.datid = db.oid
        WHERE db.datname = current_database()
        """;

    private const string Statements = SqlTags.Insight + """
        SELECT coalesce(s.queryid, 0), s.query, s.calls, s.total_exec_time, s.mean_exec_time, s.rows
        FROM pg_stat_statements s
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND s.query NOT LIKE '/* pitchey:insight */%' AND s.calls >= $2
        """;

    private const string IndexUsage = SqlTags.Insight + "SELECT indexrelid::bigint, coalesce(idx_scan, 0) FROM pg_stat_user_indexes";

    private const string TableUsage = SqlTags.Insight + """
        SELECT s.relid::bigint, s.schemaname, s.relname, coalesce(s.seq_scan, 0), coalesce(s.seq_tup_read, 0), coalesce(s.idx_scan, 0),
               s.n_live_tup, GREATEST(c.reltuples, 0)::bigint, s.n_mod_since_analyze,
               GREATEST(s.last_analyze, s.last_autoanalyze), pg_total_relation_size(s.relid)
        FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        """;

    private const string Activity = SqlTags.Insight + """
        SELECT pid, usename, application_name, state, wait_event_type || ':' || wait_event, xact_start, query_start, state_change, left(query, 8192)
        FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
        ORDER BY pid
        """;

    public static async Task<HostWorkload> ReadAsync(DatabaseHost host, InsightOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await host.DataSource.OpenConnectionAsync(cancellationToken);
        var timeout = (int)Math.Ceiling(options.QueryTimeout.TotalSeconds);

        bool inRecovery, created;
        int version;
        DateTimeOffset now;
        StatisticsWindow window;
        string preload;
        await using (var command = Command(Facts, connection, timeout))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            inRecovery = reader.GetBoolean(0);
            version = reader.GetInt32(1);
            now = reader.GetFieldValue<DateTimeOffset>(2);
            window = Window(reader.GetFieldValue<DateTimeOffset>(3), Optional(reader, 4), Optional(reader, 5));
            preload = reader.GetString(6);
            created = reader.GetBoolean(7);
        }

        var loaded = preload.Split(',', StringSplitOptions.TrimEntries).Contains("pg_stat_statements", StringComparer.Ordinal);
        var (status, byTotal, byMean) = await StatementsAsync(connection, timeout, options, loaded, created, preload, cancellationToken);
        return new HostWorkload(
            host.Name, host.Endpoint, null, inRecovery, version, now, window, status, byTotal, byMean,
            await IndexesAsync(connection, timeout, cancellationToken),
            await TablesAsync(connection, timeout, cancellationToken),
            await SessionsAsync(connection, timeout, cancellationToken));
    }

    /// <summary>The latest of reset, server start and database creation: scans counted before it are gone.</summary>
    private static StatisticsWindow Window(DateTimeOffset started, DateTimeOffset? reset, DateTimeOffset? created)
    {
        var window = new StatisticsWindow(started, "server start");
        if (reset is { } r && r > window.Since)
        {
            window = new StatisticsWindow(r, "statistics reset");
        }

        if (created is { } c && c > window.Since)
        {
            window = new StatisticsWindow(c, "database created");
        }

        return window;
    }

    private static async Task<(StatementsStatus, IReadOnlyList<StatementStat>, IReadOnlyList<StatementStat>)> StatementsAsync(
        NpgsqlConnection connection, int timeout, InsightOptions options, bool loaded, bool created, string preload, CancellationToken cancellationToken)
    {
        if (!created || !loaded)
        {
            var problem = (loaded, created) switch
            {
                (false, false) => "pg_stat_statements is not installed",
                (false, true) => "pg_stat_statements is created but not in shared_preload_libraries",
                _ => "pg_stat_statements is loaded but the extension is not created in this database",
            };
            return (new StatementsStatus(loaded, created, preload, problem), [], []);
        }

        try
        {
            var byTotal = await StatementsByAsync(connection, timeout, " ORDER BY s.total_exec_time DESC LIMIT $1", options.TopStatements, 0, cancellationToken);
            var byMean = await StatementsByAsync(
                connection, timeout, " ORDER BY s.mean_exec_time DESC LIMIT $1", options.TopStatements, options.SlowStatementMinCalls, cancellationToken);
            return (new StatementsStatus(loaded, created, preload, null), byTotal, byMean);
        }
        catch (PostgresException exception)
        {
            // Not readable after all (privileges, a version without the PostgreSQL 13 column names).
            return (new StatementsStatus(loaded, created, preload, $"pg_stat_statements cannot be read ({exception.SqlState})"), [], []);
        }
    }

    private static async Task<IReadOnlyList<StatementStat>> StatementsByAsync(
        NpgsqlConnection connection, int timeout, string order, int limit, long minCalls, CancellationToken cancellationToken)
    {
        await using var command = Command(Statements + order, connection, timeout);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = minCalls, NpgsqlDbType = NpgsqlDbType.Bigint });
        var rows = new List<StatementStat>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.GetString(1);
            rows.Add(new StatementStat(
                reader.GetInt64(0), SqlNormalizer.Normalize(text), SqlTags.RouteOf(text), reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5)));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<IndexScans>> IndexesAsync(NpgsqlConnection connection, int timeout, CancellationToken cancellationToken)
    {
        var rows = new List<IndexScans>();
        await using var command = Command(IndexUsage, connection, timeout);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new IndexScans(reader.GetInt64(0), reader.GetInt64(1)));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<TableScans>> TablesAsync(NpgsqlConnection connection, int timeout, CancellationToken cancellationToken)
    {
        var rows = new List<TableScans>();
        await using var command = Command(TableUsage, connection, timeout);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TableScans(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), Optional(reader, 9), reader.GetInt64(10)));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<SessionInfo>> SessionsAsync(NpgsqlConnection connection, int timeout, CancellationToken cancellationToken)
    {
        var rows = new List<SessionInfo>();
        await using var command = Command(Activity, connection, timeout);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new SessionInfo(
                reader.GetInt32(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                Optional(reader, 5), Optional(reader, 6), Optional(reader, 7), SqlNormalizer.Normalize(Text(reader, 8))));
        }

        return rows;
    }

    internal static NpgsqlCommand Command(string sql, NpgsqlConnection connection, int timeoutSeconds) =>
        new(sql, connection) { CommandTimeout = timeoutSeconds };

    internal static DateTimeOffset? Optional(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    internal static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
