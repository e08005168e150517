using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests;

/// <summary>
/// One PostgreSQL cluster (with the schema) and one stand-in API, shared by the tests of the
/// <see cref="SharedEnvironmentCollection"/>, which run one after the other so upstream request
/// counts stay exact.
/// </summary>
public sealed class SharedEnvironment : IAsyncLifetime
{
    public PostgresCluster Database { get; private set; } = null!;

    public StandInServer StandIn { get; private set; } = null!;

    public Dictionary<string, string?> GatewaySettings() => GatewayServer.BaseSettings(Database.ConnectionString, StandIn.Address);

    public async Task InitializeAsync()
    {
        Database = await PostgresCluster.StartAsync();
        StandIn = await StandInServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StandIn.DisposeAsync();
        await Database.DisposeAsync();
    }
}
