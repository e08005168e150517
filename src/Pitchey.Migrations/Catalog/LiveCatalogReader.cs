using Npgsql;
using Pitchey.Migrations.History;

namespace Pitchey.Migrations.Catalog;

/// <summary>Reads a <see cref="CatalogSnapshot"/> from the live catalog (pg_class, pg_attribute, pg_index, pg_proc, pg_settings, pg_extension, pg_opclass).</summary>
internal static class LiveCatalogReader
{
    private const string ExcludedSchemas = "('pg_catalog', 'information_schema', '" + MigrationHistory.SchemaName + "')";

    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = new List<CatalogTable>();
        await using (var command = new NpgsqlCommand($"""
            SELECT c.relname, GREATEST(c.reltuples, 0)::bigint, pg_total_relation_size(c.oid),
                   array_agg(a.attname::text ORDER BY a.attnum)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN {ExcludedSchemas} AND pg_table_is_visible(c.oid)
            GROUP BY c.oid, c.relname
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var columns = reader.GetFieldValue<string[]>(3);
                tables.Add(new CatalogTable(reader.GetString(0), new HashSet<string>(columns, StringComparer.Ordinal), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        var indexes = new List<CatalogIndex>();
        await using (var command = new NpgsqlCommand($"""
            SELECT i.relname, t.relname, x.indisunique, x.indisvalid, x.indisready, am.amname,
                   ARRAY(SELECT a.attname::text
                         FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                         LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
                         WHERE k.ord <= x.indnkeyatts
                         ORDER BY k.ord),
                   pg_get_expr(x.indpred, x.indrelid), pg_get_indexdef(x.indexrelid),
                   ARRAY(SELECT CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname::text END
                         FROM unnest(x.indclass::oid[]) WITH ORDINALITY AS k(opclass, ord)
                         JOIN pg_opclass oc ON oc.oid = k.opclass
                         ORDER BY k.ord)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = i.relam
            WHERE n.nspname NOT IN {ExcludedSchemas} AND pg_table_is_visible(t.oid)
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add(new CatalogIndex(
                    reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4),
                    reader.GetString(5), reader.GetFieldValue<string?[]>(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8),
                    reader.GetFieldValue<string?[]>(9)));
            }
        }

        var functions = await ReadNamesAsync(
            connection, "SELECT proname::text FROM pg_proc GROUP BY proname HAVING bool_and(provolatile <> 'i')", cancellationToken);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT name, context FROM pg_settings", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                settings[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var extensions = await ReadNamesAsync(connection, "SELECT extname::text FROM pg_extension", cancellationToken);
        var operatorClasses = await ReadNamesAsync(
            connection, "SELECT am.amname::text || ':' || oc.opcname::text FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod", cancellationToken);
        return new CatalogSnapshot("live database", tables, indexes, functions, settings, extensions, operatorClasses);
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as a set.</summary>
    private static async Task<HashSet<string>> ReadNamesAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
