using Npgsql;

namespace Pitchey.Migrations.Catalog;

/// <summary>An index PostgreSQL will not use: a failed or cancelled concurrent build.</summary>
public sealed record InvalidIndex(string Name, string Table, bool Ready)
{
    public static async Task<IReadOnlyList<InvalidIndex>> ReadAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("""
            SELECT i.relname, t.relname, x.indisready
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE NOT x.indisvalid OR NOT x.indisready
            ORDER BY 1
            """, connection);
        var found = new List<InvalidIndex>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new InvalidIndex(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return found;
    }
}
