using Pitchey.Database.Queries;
using Pitchey.Gateway.Cli;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests.Seeding;

/// <summary>The <c>seed</c> verb as operators run it: the tool's executable against a real database, the connection string from the environment.</summary>
/// <remarks>The tests share one cluster: each seeds with --reset before it counts.</remarks>
public sealed class SeedCommandTests(SchemaDatabase cluster) : IClassFixture<SchemaDatabase>, IDisposable
{
    private readonly PostgresCluster _database = cluster.Primary;
    private readonly string _folder = Directory.CreateTempSubdirectory("pitchey-seed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Seed_TinyPlan_RowCountsAndAnOwnerOnlyTokensFile()
    {
        var tokensFile = Path.Combine(_folder, "new", "tokens.txt");

        var (exit, output, error) = await SeedAsync(
            "--reset", "--users", "20", "--pitches", "50", "--sessions", "10", "--views", "30", "--hashed-tokens", "--tokens-file", tokensFile);

        Assert.True(exit == ExitCodes.Ok, error);
        var tokens = await File.ReadAllLinesAsync(tokensFile);
        Assert.NotEmpty(tokens);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokensFile));
        }

        Assert.Equal(20, await CountAsync("users"));
        Assert.Equal(50, await CountAsync("pitches"));
        Assert.Equal(10 + tokens.Length, await CountAsync("sessions")); // the plan's, and one per demo token
        Assert.Equal(30, await CountAsync("pitch_views"));
        Assert.InRange(await CountAsync("follows"), 1, 20 * 7); // about 7 per user at most
        Assert.Equal(50 / 5, await CountAsync("ndas"));
        Assert.Equal(50 / 10, await CountAsync("investments"));
        Assert.Equal(1, await CountAsync($"sessions WHERE id = '{SessionQuery.HashToken(tokens[0])}' AND expires_at > now()"));
        Assert.Contains($"seed: {tokens.Length} live session tokens (creators first) in {tokensFile}", output, StringComparison.Ordinal);
        Assert.Contains($"seed: a creator's session token: {tokens[0]}", output, StringComparison.Ordinal);
        SecretAssert.Clean(output + error);
    }

    [Fact]
    public async Task Seed_DatabaseWithData_RefusedUnlessReset()
    {
        Assert.Equal(ExitCodes.Ok, (await SeedAsync("--reset", "--users", "10", "--pitches", "5", "--sessions", "0", "--views", "0")).Exit);

        var refused = await SeedAsync("--users", "10");
        var reset = await SeedAsync("--reset", "--users", "12", "--pitches", "0", "--sessions", "0", "--views", "0");

        Assert.Equal(ExitCodes.DataError, refused.Exit);
        Assert.Equal("seed: the database already has users or pitches; pass --reset to replace them", refused.Error.Trim());
        Assert.Equal(ExitCodes.Ok, reset.Exit);
        Assert.Equal(12, await CountAsync("users"));
        Assert.Equal(0, await CountAsync("pitches"));
    }

    [Fact]
    public async Task Seed_ConfigDir_ReadsDatabasePrimaryFromItsSettings()
    {
        var config = Directory.CreateDirectory(Path.Combine(_folder, "config")).FullName;
        await File.WriteAllTextAsync(
            Path.Combine(config, "appsettings.json"),
            $$"""{ "Database": { "Primary": "{{_database.ConnectionString}}" } }""");

        var (exit, output, error) = await ToolProcess.RunAsync(
            ToolProcess.LoadTests, ["seed", "--config-dir", config, "--reset", "--users", "10", "--pitches", "3", "--sessions", "0", "--views", "0"]);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal(3, await CountAsync("pitches"));
        SecretAssert.Clean(output + error);
    }

    [Fact]
    public async Task Seed_NoDatabase_UsageAndSaysHow()
    {
        var (exit, _, error) = await ToolProcess.RunAsync(ToolProcess.LoadTests, ["seed", "--config-dir", _folder]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("seed: no database: pass --connection or set Database:Primary (environment: Database__Primary)", error.Trim());
    }

    [Fact]
    public async Task Seed_Sigterm_StopsCleanlyWithCancelledAndTheTableLoadRolledBack()
    {
        using var run = ToolProcess.Start(
            ToolProcess.LoadTests,
            ["seed", "--reset", "--users", "10", "--pitches", "500000", "--sessions", "0", "--views", "0"],
            Environment());
        await run.WaitForOutputAsync("seed: users:", TimeSpan.FromMinutes(1));

        await run.TerminateAsync();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Cancelled, exit);
        Assert.Contains("seed: cancelled: the database may hold part of the data set; seed --reset starts over", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("seed: done", run.Output, StringComparison.Ordinal);
        Assert.Equal(10, await CountAsync("users"));
        Assert.Equal(0, await CountAsync("pitches")); // the COPY that was running is all or nothing
    }

    private Task<(int Exit, string Output, string Error)> SeedAsync(params string[] arguments) =>
        ToolProcess.RunAsync(ToolProcess.LoadTests, ["seed", .. arguments], Environment());

    /// <summary>The connection string through the environment, as run.sh passes it: never on a command line.</summary>
    private Dictionary<string, string> Environment() => new() { ["Database__Primary"] = _database.ConnectionString };

    private async Task<long> CountAsync(string from) => await _database.ScalarAsync<long>($"SELECT count(*) FROM {from}");
}
