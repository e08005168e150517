using Pitchey.Gateway.Cli;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// <c>hot-reads</c> against a real gateway on a seeded database: every endpoint of the mix is sent,
/// with parameters read from that database and session tokens from a tokens file, and answered
/// without an error. Counts only.
/// </summary>
public sealed class HotReadsRunTests(TunedReadsEnvironment environment) : IClassFixture<TunedReadsEnvironment>, IDisposable
{
    private readonly SettingsFolder _settings = SettingsFolder.Create(environment.Primary.ConnectionString);
    private readonly string _tokens = Path.GetTempFileName();

    public void Dispose()
    {
        _settings.Dispose();
        File.Delete(_tokens);
    }

    [Fact]
    public async Task Run_SeededDatabase_EveryEndpointSentWithRealParametersAndNoErrors()
    {
        await File.WriteAllLinesAsync(_tokens, [.. environment.Seed.CreatorTokens, .. environment.Seed.OtherTokens]);

        using var run = await HarnessRun.StartAsync(
            "hot-reads", "--target", environment.Gateway.Address.ToString(), "--config-dir", _settings.Path, "--tokens-file", _tokens,
            "--rate", "200", "--connections", "4", "--duration", "2s", "--warmup", "0s");

        var target = run.AssertOneTargetAddsUp(400);
        var total = target.GetProperty("total");
        Assert.True(total.GetProperty("errors").GetProperty("total").GetInt64() == 0, target.ToString());
        var labels = target.GetProperty("labels").EnumerateArray().ToDictionary(label => label.GetProperty("label").GetString()!, label => label.GetProperty("sent").GetInt64());
        Assert.Equal(["browse", "search-common", "search-rare", "session", "creator-dashboard", "stats"], labels.Keys);
        Assert.All(labels, label => Assert.True(label.Value > 0, $"{label.Key} was not sent"));

        // Without pg_stat_statements the queries figures say why they are empty.
        var queries = run.FigureSet("queries");
        Assert.Empty(queries.GetProperty("values").EnumerateArray());
        Assert.Contains("pg_stat_statements", queries.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutADatabase_UsageErrorNamingTheOption()
    {
        using var run = await HarnessRun.StartAsync("hot-reads", "--target", environment.Gateway.Address.ToString(), "--duration", "1s");

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Equal(
            "run: hot-reads draws its parameters from the database (genres, title words, whose session tokens): give --connection or a --config-dir with Database:Primary",
            run.Error.Trim());
    }
}
