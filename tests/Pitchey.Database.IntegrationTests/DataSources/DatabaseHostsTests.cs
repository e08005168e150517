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
}
