using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Pitchey.Migrations.Scripts;

namespace Pitchey.LoadTests.Benchmarks;

/// <summary>
/// The index strategy the benchmark compares against: <c>sql/indexes.sql</c> of the config folder,
/// read by the migration engine's parser (the one <c>migrate apply</c> uses): its index builds and
/// the statements they need (<c>CREATE EXTENSION IF NOT EXISTS</c>), never its representative
/// queries. The benchmark drops those indexes to measure without them, then runs the statements one
/// at a time (CONCURRENTLY refuses a transaction).
/// </summary>
internal sealed class IndexStrategy(IReadOnlyList<string> statements)
{
    /// <summary>Where the file is, below the config folder.</summary>
    public static readonly string RelativePath = Path.Combine("sql", "indexes.sql");

    public IReadOnlyList<string> Statements { get; } = statements;

    /// <summary>The name each index build gives its index.</summary>
    public IEnumerable<string> IndexNames =>
        MigrationScript.Parse(string.Join(";\n", Statements)).Statements
            .Select(MigrationStatement.Parse)
            .Where(statement => statement is { Kind: StatementKind.CreateIndex, Index.Name: not null })
            .Select(statement => statement.Index!.Name!);

    public static async Task<IndexStrategy> ReadAsync(string path, CancellationToken cancellationToken) =>
        new(Split(await File.ReadAllTextAsync(path, cancellationToken)));

    /// <summary>The statements <c>migrate apply</c> would run, in its order, without comments or representative queries.</summary>
    public static IReadOnlyList<string> Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return [.. MigrationScript.Parse(script, "indexes.sql").Steps.Select(step => step.Text)];
    }

    public async Task DropAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        foreach (var name in IndexNames)
        {
            await dataSource.ExecuteAsync($"DROP INDEX IF EXISTS {name}", cancellationToken);
        }
    }

    /// <summary>Builds every index, then VACUUM (ANALYZE) so the planner and index-only scans see them; says how long it took.</summary>
    public async Task BuildAsync(NpgsqlDataSource dataSource, TextWriter output, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        foreach (var statement in Statements)
        {
            await dataSource.ExecuteAsync(statement, cancellationToken);
        }

        await dataSource.ExecuteAsync("VACUUM (ANALYZE)", cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench: index strategy built in {watch.Elapsed.TotalSeconds:F0} s ({IndexNames.Count()} indexes)"));
    }
}
