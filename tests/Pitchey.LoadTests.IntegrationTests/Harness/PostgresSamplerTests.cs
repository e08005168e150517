using Pitchey.LoadTests.Harness.ServerSide;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// The database's side of a run, on a real cluster with pg_stat_statements preloaded and created:
/// statements counted per query id between the two reads, the sampler's own queries left out.
/// </summary>
public sealed class PostgresSamplerTests
{
    [Fact]
    public async Task StopAsync_WithPgStatStatements_CountsEachStatementsCalls()
    {
        await using var environment = await DatabaseEnvironment.StartAsync(new DatabaseRecipe());
        var cluster = environment.Primary;
        await cluster.ExecuteAsync("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
        await cluster.StopAsync();
        await cluster.StartServerAsync();
        await cluster.ExecuteAsync("CREATE EXTENSION pg_stat_statements");
        await using var sampler = new PostgresSampler(cluster.ConnectionString, settle: TimeSpan.Zero);

        await sampler.StartAsync(CancellationToken.None);
        for (var i = 0; i < 7; i++)
        {
            await cluster.ScalarAsync<long>("SELECT count(*) FROM pitches WHERE id > $1", (long)i);
        }

        var report = await sampler.StopAsync(CancellationToken.None);

        Assert.True(report.Available, report.Note);
        Assert.Null(report.Note);
        var statement = Assert.Single(report.Statements, s => s.Query.Contains("FROM pitches WHERE id >", StringComparison.Ordinal));
        Assert.Equal(7, statement.Calls);
        Assert.DoesNotContain(report.Statements, s => s.Query.Contains("pitchey-run sampler", StringComparison.Ordinal));
        Assert.Equal(report.Statements.Sum(s => s.Calls), report.Counters.Single(c => c.Name == "queries").Value);
        Assert.Contains(report.Counters, c => c.Name == "transactions" && c.PerRequest);
    }

    [Fact]
    public async Task StopAsync_DatabaseGone_UnavailableWithAReasonAndNoSecret()
    {
        await using var sampler = new PostgresSampler(Loopback.UnreachableDatabase(), settle: TimeSpan.Zero);

        await sampler.StartAsync(CancellationToken.None);
        var report = await sampler.StopAsync(CancellationToken.None);

        Assert.False(report.Available);
        Assert.StartsWith("the database could not be read: ", report.Note, StringComparison.Ordinal);
        SecretAssert.Clean(report.Note!);
    }
}
