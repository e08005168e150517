using Pitchey.Gateway.Cli;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// <c>probe-storm</c> against a real gateway on a real cluster, with the database's figures beside
/// the client's: four labels adding up to the total, the health-check runs of the window (at most one
/// per cache TTL), and PostgreSQL's transactions, with the note that pg_stat_statements is missing.
/// </summary>
public sealed class ProbeStormRunTests
{
    [Fact]
    public async Task Run_ShortStorm_LabelsAddUpAndTheServerSideIsThere()
    {
        await using var environment = await GatewayEnvironment.StartAsync(new GatewayRecipe { Gateway = true });
        using var settings = SettingsFolder.Create(environment.Primary.ConnectionString);
        var keyFile = Path.Combine(settings.Path, "admin-key");
        await File.WriteAllTextAsync(keyFile, GatewayServer.ManagementKey);

        using var run = await HarnessRun.StartAsync(
            "probe-storm", "--target", environment.Gateway.Address.ToString(), "--rate", "200", "--connections", "4", "--duration", "2s",
            "--warmup", "0s", "--config-dir", settings.Path,
            "--management", environment.Gateway.ManagementAddress!.ToString(), "--api-key-file", keyFile);

        Assert.True(run.Exit == ExitCodes.Ok, run.Output + run.Error);
        var target = run.Targets.Single();
        HarnessRun.AssertConsistent(target.GetProperty("total"));
        HarnessRun.AssertLabelsAddUp(target);
        Assert.Equal(["ready", "live", "api-health", "health"], target.GetProperty("labels").EnumerateArray().Select(label => label.GetProperty("label").GetString()));
        var total = target.GetProperty("total");
        Assert.Equal(400, total.GetProperty("sent").GetInt64() + total.GetProperty("dropped").GetInt64());

        // The window is shorter than the 10 s cache TTL: at most one run of the checks, whatever the probe rate.
        Assert.InRange(HarnessRun.Counter(run.Report, "health-checks", "health-check runs"), 0, 1);
        var postgres = run.Report.GetProperty("serverSide").EnumerateArray().Single(side => side.GetProperty("name").GetString() == "postgres");
        Assert.True(postgres.GetProperty("available").GetBoolean(), postgres.ToString());
        Assert.StartsWith("pg_stat_statements is not installed", postgres.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.True(HarnessRun.Counter(run.Report, "postgres", "transactions") >= 0);
        Assert.Contains("server side, PostgreSQL database pitchey: transactions ", run.Output, StringComparison.Ordinal);
        SecretAssert.Clean(run.Output + run.Error + await File.ReadAllTextAsync(run.ReportPath));
        Assert.DoesNotContain(GatewayServer.ManagementKey, run.Output + run.Error + await File.ReadAllTextAsync(run.ReportPath), StringComparison.Ordinal);
    }
}
