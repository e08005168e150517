using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pitchey.Database.DataSources;
using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.DataSources;

public sealed class DatabaseHostsTests
{
    [Fact]
    public async Task Primary_OpensPooledConnections_AndTagsThemWithTheApplicationName()
    {
        await using var env = await DatabaseEnvironment.StartAsync(new DatabaseRecipe());
        var cluster = env.Primary;
        var options = new DatabaseOptions { Primary = cluster.ConnectionString };
        await using var hosts = new DatabaseHosts(Options.Create(options), NullLoggerFactory.Instance);

        await using var connection = await hosts.Primary.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()";

        Assert.Equal("pitchey-gateway", await command.ExecuteScalarAsync());
        Assert.Equal($"127.0.0.1:{cluster.Port}", hosts.Primary.Endpoint);
        Assert.DoesNotContain(PostgresCluster.Password, hosts.Primary.Endpoint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData(";No Reset On Close=false", 1)]
    public async Task PooledConnections_AreNotReset_UnlessTheConnectionStringAsks(string extra, int resetsPerUse)
    {
        // Npgsql's reset (DISCARD ALL, or RESET ALL and others once statements are prepared) runs before the next use of a returned connection;
        // pg_stat_statements counts it. Off by default: the gateway's statements leave no session state.
        await using var env = await DatabaseEnvironment.StartAsync(new DatabaseRecipe { PgStatStatements = true });
        var options = new DatabaseOptions { Primary = env.Primary.ConnectionString + extra };
        await using var hosts = new DatabaseHosts(Options.Create(options), NullLoggerFactory.Instance);
        const int Uses = 5;
        for (var i = 0; i < Uses; i++)
        {
            await using var connection = await hosts.Primary.DataSource.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync();
        }

        var resets = await env.Primary.ScalarAsync<long>("SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE query IN ('RESET ALL', 'DISCARD ALL')");

        Assert.Equal((Uses - 1) * resetsPerUse, resets); // the first use follows no return
    }
}
