using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// <c>failover</c> against a real gateway on a primary and a streaming replica of its own, both
/// stopped and started again by the run's pg_ctl. The gateway's database breaker and replica monitor
/// are made as quick as they may be so that a 6 s window sees the outage and the recovery. Counts and order only.
/// </summary>
public sealed class FailoverRunTests
{
    private static readonly GatewayRecipe Recipe = new()
    {
        Database = new DatabaseRecipe { Seed = new SeedPlan(Users: 100, Pitches: 500, Sessions: 50, Views: 0), Indexes = true, Replicas = 1 },
        Settings = settings =>
        {
            settings["Database:Routing:MonitorInterval"] = "00:00:00.500";
            settings["Database:Routing:MonitorTimeout"] = "00:00:00.500";
            settings["Database:Routing:BreakerSamplingDuration"] = "00:00:01";
            settings["Database:Routing:BreakerBreakDuration"] = "00:00:00.500";
        },
    };

    [Fact]
    public async Task Run_ReplicaThenPrimaryStopped_ErrorsOnlyWhileDownRecoveredAndBothRestarted()
    {
        await using var environment = await GatewayEnvironment.StartAsync(Recipe);
        await using var gateway = await environment.StartGatewayAsync();
        using var settings = SettingsFolder.Create(environment.Primary.ConnectionString);

        using var run = await HarnessRun.StartAsync(
            "failover", "--target", gateway.Address.ToString(), "--config-dir", settings.Path,
            "--primary-data", environment.Primary.DataDirectory, "--replica-data", environment.Replica.DataDirectory,
            "--rate", "100", "--connections", "4", "--duration", "6s", "--warmup", "0s", "--timeout", "2s");

        var target = run.AssertOneTargetAddsUp(600);
        var total = target.GetProperty("total");
        var sent = total.GetProperty("sent").GetInt64();
        var set = run.FigureSet("failover");
        HarnessRun.AssertKindsAddUp(set, sent);

        // The steps happened in order, each an event; the phases' requests add up to the window's.
        var names = run.Events.Select(e => e.Name).ToList();
        string[] steps = ["replica stopped", "primary stopped", "primary started", "replica started"];
        Assert.Equal(steps, names.Where(steps.Contains));
        string[] phases = ["before", "replica down", "primary down", "primary back", "replica back"];
        Assert.Equal(sent, phases.Sum(phase => run.Figure("failover", $"{phase}: sent")));
        Assert.Equal(total.GetProperty("errors").GetProperty("total").GetInt64(), phases.Sum(phase => run.Figure("failover", $"{phase}: errors")));

        // Nothing failed before the outage; the primary's stop failed requests; they succeed again once it is back.
        Assert.Equal(0, run.Figure("failover", "before: errors"));
        Assert.True(run.Figure("failover", "primary down: errors") > 0, set.ToString());
        Assert.NotNull(run.Figure("failover", "time to first error"));
        Assert.NotNull(run.Figure("failover", "time to recover"));
        Assert.True(names.IndexOf("primary started") < names.IndexOf("recovered"), string.Join(", ", names));

        // A load test never leaves the database down: both accept connections after the run.
        Assert.Equal(1, await environment.Primary.ScalarAsync<int>("SELECT 1"));
        Assert.Equal(1, await environment.Replica.ScalarAsync<int>("SELECT 1"));
    }

    [Fact]
    public async Task Run_DataFolderNotACluster_UsageErrorNamingTheOption()
    {
        var folder = Directory.CreateTempSubdirectory("pitchey-not-a-cluster-").FullName;
        try
        {
            using var run = await HarnessRun.StartAsync("failover", "--target", "http://127.0.0.1:9/", "--primary-data", folder, "--duration", "1s");

            Assert.Equal(ExitCodes.Usage, run.Exit);
            Assert.Equal($"run: --primary-data {folder} is not a PostgreSQL data folder (no PG_VERSION)", run.Error.Trim());
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
