using Npgsql;
using Pitchey.Database.SlowQueries;
using static Pitchey.Database.Insight.WorkloadReader;

namespace Pitchey.Database.Insight;

/// <summary>
/// The primary's catalog for the advice: every index of the user's schemas with what depends on it
/// (constraints, replica identity), whether it is valid or being built right now, its size and the
/// elements that decide whether two indexes serve the same lookups; sequences with the column they
/// feed; transaction-id ages. Read-only, tagged and bounded like <see cref="WorkloadReader"/>.
/// </summary>
internal static class CatalogReader
{
    private const string UserSchemas = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'";

    // Key k of an index (1-based): its column or expression as written, and that plus operator
    // class, collation and ordering (ASC/DESC, NULLS FIRST/LAST), which decide whether two indexes
    // serve the same lookups. indclass, indcollation and indoption are 0-based vectors.
    private const string Indexes = SqlTags.Insight + $"""
        SELECT x.indexrelid::bigint, n.nspname, t.relname, i.relname, am.amname, x.indisunique, x.indisprimary,
               x.indisexclusion OR EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid),
               x.indisreplident, x.indisvalid, x.indisready,
               EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = x.indexrelid),
               pg_relation_size(x.indexrelid), pg_get_indexdef(x.indexrelid),
               ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts::int) AS k ORDER BY k),
               ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) || ' ' || x.indclass[k - 1]::text || ' ' || x.indcollation[k - 1]::text
                            || ' ' || x.indoption[k - 1]::text
                     FROM generate_series(1, x.indnkeyatts::int) AS k ORDER BY k),
               ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(x.indnkeyatts + 1, x.indnatts::int) AS k ORDER BY k),
               pg_get_expr(x.indpred, x.indrelid)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am am ON am.oid = i.relam
        WHERE {UserSchemas}
        ORDER BY n.nspname, t.relname, i.relname
        """;

    private const string Sequences = SqlTags.Insight + """
        SELECT s.schemaname, s.sequencename, s.last_value, s.max_value, s.increment_by, s.data_type::text, col.relname, col.attname, col.type
        FROM pg_sequences s
        LEFT JOIN LATERAL (
            SELECT t.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod) AS type
            FROM pg_depend d
            JOIN pg_class t ON t.oid = d.refobjid
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
              AND d.objid = (quote_ident(s.schemaname) || '.' || quote_ident(s.sequencename))::regclass
            LIMIT 1) AS col ON true
        ORDER BY 1, 2
        """;

    private const string DatabaseAge = SqlTags.Insight +
        "SELECT age(datfrozenxid)::bigint, current_setting('autovacuum_freeze_max_age')::bigint FROM pg_database WHERE datname = current_database()";

    private const string TableAges = SqlTags.Insight + $"""
        SELECT n.nspname, c.relname, age(c.relfrozenxid)::bigint
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm') AND {UserSchemas}
        ORDER BY 3 DESC LIMIT 5
        """;

    public static async Task<CatalogFacts> ReadAsync(NpgsqlConnection connection, InsightOptions options, CancellationToken cancellationToken)
    {
        var timeout = (int)Math.Ceiling(options.QueryTimeout.TotalSeconds);
        var indexes = new List<IndexFacts>();
        await using (var command = Command(Indexes, connection, timeout))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add(new IndexFacts(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.GetBoolean(5), reader.GetBoolean(6), reader.GetBoolean(7), reader.GetBoolean(8), reader.GetBoolean(9),
                    reader.GetBoolean(10), reader.GetBoolean(11), reader.GetInt64(12), reader.GetString(13),
                    reader.GetFieldValue<string[]>(14), reader.GetFieldValue<string[]>(15), reader.GetFieldValue<string[]>(16), Text(reader, 17)));
            }
        }

        var sequences = new List<SequenceFacts>();
        await using (var command = Command(Sequences, connection, timeout))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                sequences.Add(new SequenceFacts(
                    reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetString(5), Text(reader, 6), Text(reader, 7), Text(reader, 8)));
            }
        }

        long age, freezeMaxAge;
        await using (var command = Command(DatabaseAge, connection, timeout))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            age = reader.GetInt64(0);
            freezeMaxAge = reader.GetInt64(1);
        }

        var tables = new List<TableAge>();
        await using (var command = Command(TableAges, connection, timeout))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(new TableAge(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        return new CatalogFacts(indexes, sequences, new TransactionIdFacts(age, freezeMaxAge, tables));
    }
}
