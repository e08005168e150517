using Npgsql;

namespace Pitchey.Migrations.Catalog;

/// <summary>The catalog's view of one index, read fresh before and after each build.</summary>
internal sealed record IndexState(string Table, bool Valid, bool Ready, string Definition)
{
    /// <summary>Valid and ready: PostgreSQL uses it for reads and maintains it on writes.</summary>
    public bool IsUsable => Valid && Ready;

    public static async Task<IndexState?> ReadAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT t.relname, x.indisvalid, x.indisready, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE i.relname = @name AND pg_table_is_visible(t.oid)
            """, connection);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new IndexState(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetString(3))
            : null;
    }
}
