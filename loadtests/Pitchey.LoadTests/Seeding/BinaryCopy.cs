using Npgsql;

namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// One binary COPY: starts it, lets the table writer write its rows, and completes it. A COPY that is
/// not completed (an error, Ctrl-C) is rolled back when the importer is disposed: a table gets all of
/// its rows or none.
/// </summary>
internal static class BinaryCopy
{
    public static async Task RunAsync(
        NpgsqlConnection connection, string copyStatement, Func<NpgsqlBinaryImporter, Task> writeRows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copyStatement, cancellationToken);
        await writeRows(writer);
        await writer.CompleteAsync(cancellationToken);
    }
}
