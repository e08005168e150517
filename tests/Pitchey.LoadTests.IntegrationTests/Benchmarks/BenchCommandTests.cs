using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Benchmarks;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests.Benchmarks;

/// <summary>The <c>bench</c> verb on a tiny data set: it finds the index strategy beside its binary, measures, builds it, reports.</summary>
/// <remarks>One cluster for the class: only the first test writes to it, and it needs it empty.</remarks>
public sealed class BenchCommandTests(SchemaDatabase cluster) : IClassFixture<SchemaDatabase>, IDisposable
{
    private readonly PostgresCluster _database = cluster.Primary;
    private readonly string _folder = Directory.CreateTempSubdirectory("pitchey-bench-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Bench_EmptyDatabase_SeedsMeasuresBuildsTheStrategyAndWritesTheReport()
    {
        var report = Path.Combine(_folder, "report.md");

        var (exit, output, error) = await BenchAsync("--users", "10", "--pitches", "40", "--sessions", "5", "--views", "20", "--iterations", "3", "--out", report);

        Assert.True(exit == ExitCodes.Ok, error);
        var table = await File.ReadAllLinesAsync(report);
        var sessions = await _database.ScalarAsync<long>("SELECT count(*) FROM sessions"); // the plan's 5 and the demo users'
        Assert.Equal($"Data: 40 pitches, 10 users, {sessions} sessions, 20 pitch views. Runs per query: 3 with indexes, 10 without.", table[0]);
        Assert.Equal("| query | without indexes: median / p99 (ms) | with indexes: median / p99 (ms) | speed-up (median) |", table[2]);
        Assert.Equal(17, table.Count(line => line.StartsWith("| ", StringComparison.Ordinal)) - 1);
        var strategy = await IndexStrategy.ReadAsync(Path.Combine(AppContext.BaseDirectory, "config", IndexStrategy.RelativePath), CancellationToken.None);
        Assert.Contains("bench: index strategy built in ", output, StringComparison.Ordinal);
        var indexes = strategy.IndexNames.ToList();
        Assert.Contains($"({indexes.Count} indexes)", output, StringComparison.Ordinal);
        Assert.Equal(indexes.Count, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname IN (" +
            string.Join(", ", indexes.Select(name => $"'{name}'")) + ")"));
        Assert.DoesNotContain(PostgresCluster.Password, output + error, StringComparison.Ordinal);

        var again = await BenchAsync("--users", "10", "--pitches", "40");
        Assert.Equal(ExitCodes.DataError, again.Exit);
        Assert.Equal("bench: the database already has data; empty it or pass --skip-seed", again.Error.Trim());
    }

    [Fact]
    public async Task Bench_ConfigDirWithoutTheStrategy_ConfigAndNamesTheFile()
    {
        var (exit, _, error) = await BenchAsync("--config-dir", _folder);

        Assert.Equal(ExitCodes.Config, exit);
        Assert.Equal($"bench: the index strategy {Path.Combine(_folder, "sql", "indexes.sql")} is missing (--config-dir names the settings folder)", error.Trim());
    }

    private Task<(int Exit, string Output, string Error)> BenchAsync(params string[] arguments) =>
        ToolProcess.RunAsync(ToolProcess.LoadTests, ["bench", .. arguments], new Dictionary<string, string> { ["Database__Primary"] = _database.ConnectionString });
}
