using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Cli.Migrate;

/// <summary>The <c>migrate</c> verb end to end against a real database: exit codes, output, no secrets.</summary>
public sealed class MigrateCommandTests(SchemaDatabase cluster) : IClassFixture<SchemaDatabase>, IDisposable
{
    private const string Strategy = """
        SET maintenance_work_mem = '64MB';
        -- phase: 1 critical
        CREATE INDEX CONCURRENTLY idx_pitches_browse ON pitches (status, created_at DESC) WHERE status = 'published';
        -- phase: 2 reporting
        CREATE INDEX CONCURRENTLY idx_investments_created ON investments (created_at);
        -- query: browse
        SELECT id FROM pitches WHERE status = 'published' ORDER BY created_at DESC LIMIT 20;
        """;

    private readonly PostgresCluster _database = cluster.Primary;
    private readonly string _folder = Directory.CreateTempSubdirectory("pitchey-migrate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Migrate_FullCycle_ExitCodesAndOutput()
    {
        var file = await WriteAsync("strategy.sql", Strategy);

        var lint = await RunAsync("lint", file);
        Assert.Equal(0, lint.Exit);
        Assert.Contains("0 error(s), 0 warning(s) (catalog: live database)", lint.Output, StringComparison.Ordinal);

        var plan = await RunAsync("plan", file);
        Assert.Equal(0, plan.Exit);
        Assert.Contains("phase 1: critical", plan.Output, StringComparison.Ordinal);
        Assert.Contains("state:    missing", plan.Output, StringComparison.Ordinal);
        Assert.Contains("rollback: DROP INDEX CONCURRENTLY IF EXISTS idx_pitches_browse", plan.Output, StringComparison.Ordinal);

        var apply = await RunAsync("apply", file, "--phase", "1");
        Assert.Equal(0, apply.Exit);
        Assert.Contains("done: 1 built", apply.Output, StringComparison.Ordinal);
        Assert.Contains("validation: 1 representative query planned before and after: no regressions", apply.Output, StringComparison.Ordinal);
        // The default probe limit (250 ms) may throttle for a moment on a loaded test machine: either reading is right.
        Assert.Matches(@"impact: (not throttled|throttled .* waited\)); peaks over \d+ sample\(s\): replica lag n/a, \d+ active sessions", apply.Output);

        var status = await RunAsync("status");
        Assert.Equal(0, status.Exit);
        Assert.Contains("index idx_pitches_browse on pitches", status.Output, StringComparison.Ordinal);
        Assert.Contains("built by this tool", status.Output, StringComparison.Ordinal);
        Assert.Contains("invalid indexes: none", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"run +\d+  done +strategy\.sql --phase 1 .*; 1 queries validated, 0 regression\(s\)", status.Output);

        var verify = await RunAsync("verify", file);
        Assert.Contains("query browse (line 7)", verify.Output, StringComparison.Ordinal);
        Assert.Contains("unused: index idx_investments_created", verify.Output, StringComparison.Ordinal);
        Assert.Equal(1, verify.Exit);

        var rollback = await RunAsync("rollback");
        Assert.Equal(0, rollback.Exit);
        Assert.Contains("done: 1 dropped", rollback.Output, StringComparison.Ordinal);

        foreach (var output in new[] { lint, plan, apply, status, verify, rollback })
        {
            SecretAssert.Clean(output.Output + output.Error);
        }
    }

    [Fact]
    public async Task Apply_FileWithErrorsApplyCannotFix_IsRefusedAndNamesTheLine()
    {
        var file = await WriteAsync("bad.sql", "CREATE INDEX CONCURRENTLY idx_a ON pitches (status);\nCREATE INDEX CONCURRENTLY idx_b ON pitches (created_at) WHERE created_at > now();\n");

        var apply = await RunAsync("apply", file);

        Assert.Equal(2, apply.Exit);
        Assert.Contains("bad.sql:2: error [non-immutable]", apply.Output, StringComparison.Ordinal);
        Assert.Contains("apply refused", apply.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'idx_a'"));
    }

    [Fact]
    public async Task Apply_PhaseTheFileDoesNotHave_Exits64NamingThePhases()
    {
        var file = await WriteAsync("phases.sql", Strategy);

        var apply = await RunAsync("apply", file, "--phase", "3");

        Assert.Equal(64, apply.Exit);
        Assert.Contains("--phase 3: phases.sql has phase(s) 1, 2", apply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_WithoutADatabase_ChecksAgainstTheSchemaFile()
    {
        var file = await WriteAsync("offline.sql", "CREATE INDEX CONCURRENTLY idx_a ON pitches (budget);\n");
        var unreachable = Loopback.UnreachableDatabase();

        var lint = await InvokeAsync(["lint", file, "--config-dir", await SettingsAsync(unreachable), "--schema", RepoPaths.Config("sql", "schema.sql")]);

        Assert.Equal(2, lint.Exit);
        Assert.Contains("offline.sql:1: error [missing-column] column budget does not exist in pitches", lint.Output, StringComparison.Ordinal);
        Assert.Contains("(catalog: schema.sql)", lint.Output, StringComparison.Ordinal);
        Assert.Contains("database not reachable", lint.Error, StringComparison.Ordinal);
        SecretAssert.Clean(lint.Output + lint.Error);
    }

    [Fact]
    public async Task Migrate_DatabaseUnreachable_Exits69WithoutTheConnectionString()
    {
        var unreachable = Loopback.UnreachableDatabase();

        var status = await InvokeAsync(["status", "--config-dir", await SettingsAsync(unreachable)]);

        Assert.Equal(69, status.Exit);
        Assert.Contains("connection refused", status.Error, StringComparison.Ordinal);
        SecretAssert.Clean(status.Output + status.Error);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new[] { "apply" }, "Required argument 'file' missing for command: 'apply'")]
    [InlineData(new[] { "rollback", "--phase", "zero" }, "--phase must be a positive whole number")]
    public async Task Migrate_BadArguments_Exit64NamingTheArgument(string[] args, string message)
    {
        var result = await InvokeAsync(args);

        Assert.Equal(64, result.Exit);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task Migrate_PasswordOnTheCommandLine_IsRefused()
    {
        var status = await InvokeAsync(["status", "--connection", _database.ConnectionString]);

        Assert.Equal(78, status.Exit);
        Assert.Contains("--connection must not carry a password", status.Error, StringComparison.Ordinal);
        SecretAssert.Clean(status.Output + status.Error);
    }

    [Fact]
    public async Task Migrate_ConnectionWithoutPassword_TakesItFromPGPASSWORD()
    {
        var withoutPassword = new Npgsql.NpgsqlConnectionStringBuilder(_database.ConnectionString) { Password = null }.ConnectionString;
        Environment.SetEnvironmentVariable("PGPASSWORD", PostgresCluster.Password);
        try
        {
            var status = await InvokeAsync(["status", "--connection", withoutPassword]);

            Assert.Equal(0, status.Exit);
            SecretAssert.Clean(status.Output + status.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PGPASSWORD", null);
        }
    }

    /// <summary>The database a run uses, the way an operator gives it: a settings file, never the command line.</summary>
    private async Task<string> SettingsAsync(string connectionString)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "config-" + Guid.NewGuid().ToString("N"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"),
            System.Text.Json.JsonSerializer.Serialize(new { Database = new { Primary = connectionString } }));
        return folder;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        await InvokeAsync([.. args, "--config-dir", await SettingsAsync(_database.ConnectionString)]);

    private static Task<(int Exit, string Output, string Error)> InvokeAsync(string[] args) => MigrateCli.InvokeAsync(args);
}
