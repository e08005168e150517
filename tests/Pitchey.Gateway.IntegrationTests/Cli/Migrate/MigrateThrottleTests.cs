using System.Text.Json.Nodes;
using Npgsql;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Cli.Migrate;

/// <summary><c>migrate apply</c> throttled by a real replica whose replay is paused: the wait budget, the exit code, the rerun, <c>migrate status</c>.</summary>
public sealed class MigrateThrottleTests(ReplicaPair pair) : IClassFixture<ReplicaPair>, IDisposable
{
    // 200 rows x 20 ms: the first build (4 s) outlasts MaxReplicaLag (3 s), so the second statement
    // must wait; the first starts well within it (the replica replayed up to just before the run).
    private const string Strategy = """
        CREATE INDEX CONCURRENTLY idx_pitches_slow ON pitches (slow_key(id));
        CREATE INDEX CONCURRENTLY idx_pitches_genre ON pitches (genre);
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("pitchey-migrate-throttle-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Apply_WaitBudgetRunsOut_Exits2NamingTheLimit_StatusShowsIt_AndTheRerunResumes()
    {
        var database = await pair.CreateDatabaseAsync("migrate-cli-test");
        await using var data = NpgsqlDataSource.Create(database);
        await ExecuteAsync(data, MigrationData.Pitches(200) + MigrationData.SlowFunction(sleepMs: 20));

        var file = Path.Combine(_folder, "strategy.sql");
        await File.WriteAllTextAsync(file, Strategy);
        // The connection strings carry the test password: settings, never the command line.
        using var settings = SettingsFolder.Create(Settings("00:00:01", database, pair.Replica.ConnectionString));
        string[] connection = ["--config-dir", settings.Path];

        await pair.Replica.WaitForReplayAsync(await pair.Primary.CurrentLsnAsync());
        await pair.Replica.PauseReplayAsync();
        (int Exit, string Output, string Error) stopped, status;
        try
        {
            // Written after the pause: the replica receives it and does not replay it.
            await ExecuteAsync(data, "INSERT INTO users (email, username, password_hash) VALUES ('behind@example.com', 'behind', 'x')");
            stopped = await MigrateCli.InvokeAsync(["apply", file, .. connection]);
            status = await MigrateCli.InvokeAsync(["status", .. connection]);
        }
        finally
        {
            await pair.Replica.ResumeReplayAsync();
        }

        Assert.Equal(2, stopped.Exit);
        Assert.Matches(@"line 2: throttled: replica 1 lag [\d.]+ s > 3 s", stopped.Output);
        Assert.Contains("FAILED line 2: CREATE INDEX CONCURRENTLY idx_pitches_genre", stopped.Error, StringComparison.Ordinal);
        Assert.Matches(
            @"  throttle: throttled for [\d.]+ (ms|s) in this run, the whole wait budget \(Migrations:Throttle:WaitBudget 00:00:01\), and still replica 1 lag [\d.]+ s > 3 s \(Migrations:Throttle:MaxReplicaLag\); stopped before this statement: rerun to resume here",
            stopped.Error);
        Assert.Matches(@"impact: throttled [\d.]+ (ms|s) \(1 statement\(s\) waited\); peaks over \d+ sample\(s\): replica lag [\d.]+ s \(replica 1\)", stopped.Output);
        Assert.Contains("failed: 1 built", stopped.Output, StringComparison.Ordinal);
        Assert.Matches(@"run +\d+  failed +strategy\.sql .* throttled [\d.]+ (ms|s) \(1 statement\(s\) waited\)", status.Output);
        Assert.Contains("stopped: line 2: throttled for", status.Output, StringComparison.Ordinal);

        settings.Write(Settings("00:01:00", database, pair.Replica.ConnectionString));
        var rerun = await MigrateCli.InvokeAsync(["apply", file, .. connection]);

        Assert.Equal(0, rerun.Exit);
        Assert.Contains("line 1: skipped: already built (history)", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("line 2: idx_pitches_genre built and valid", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("done: 1 built", rerun.Output, StringComparison.Ordinal);
        foreach (var output in new[] { stopped, status, rerun })
        {
            SecretAssert.Clean(output.Output + output.Error);
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static JsonObject Settings(string waitBudget, string primary, string replica)
    {
        var settings = SettingsFolder.Database(primary, replica);
        settings["Migrations"] = new JsonObject
        {
            ["Throttle"] = new JsonObject
            {
                ["SampleInterval"] = "00:00:00.100",
                ["WaitBudget"] = waitBudget,
                ["MaxReplicaLag"] = "00:00:03",
                ["MaxProbeLatency"] = "00:00:00",
            },
        };
        return settings;
    }
}
