using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Pitchey.LoadTests.Benchmarks;

/// <summary>
/// The index strategy the benchmark compares against: <c>sql/indexes.sql</c> of the config folder,
/// one <c>CREATE INDEX CONCURRENTLY IF NOT EXISTS</c> per statement. The benchmark drops those
/// indexes to measure without them, then builds them one statement at a time (CONCURRENTLY refuses a
/// transaction).
/// </summary>
internal sealed partial class IndexStrategy(IReadOnlyList<string> statements)
{
    /// <summary>Where the file is, below the config folder.</summary>
    public static readonly string RelativePath = Path.Combine("sql", "indexes.sql");

    public IReadOnlyList<string> Statements { get; } = statements;

    /// <summary>The name each statement gives its index.</summary>
    public IEnumerable<string> IndexNames => Statements.Select(statement => IndexName().Match(statement).Groups[1].Value);

    public static async Task<IndexStrategy> ReadAsync(string path, CancellationToken cancellationToken) =>
        new(Split(await File.ReadAllTextAsync(path, cancellationToken)));

    /// <summary>The statements of a script without comment lines, split at semicolons (the file has no other).</summary>
    public static IReadOnlyList<string> Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var lines = script.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal));
        return string.Join('\n', lines).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
            $"bench: index strategy built in {watch.Elapsed.TotalSeconds:F0} s ({Statements.Count} indexes)"));
    }

    [GeneratedRegex(@"IF NOT EXISTS\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex IndexName();
}
