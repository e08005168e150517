using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary>A small seeded database with the index strategy, a stand-in API, and a gateway in front of both.</summary>
public sealed class ApiEndpointsEnvironment : IAsyncLifetime
{
    public PostgresCluster Database { get; private set; } = null!;

    public StandInServer StandIn { get; private set; } = null!;

    public GatewayServer Gateway { get; private set; } = null!;

    public SeedResult Seed { get; private set; } = null!;

    public Dictionary<string, string?> Settings() => GatewayServer.BaseSettings(Database.ConnectionString, StandIn.Address);

    public async Task InitializeAsync()
    {
        Database = await PostgresCluster.StartAsync();
        Seed = await TestData.SeedAsync(Database, new SeedPlan(Users: 500, Pitches: 3_000, Sessions: 300, Views: 0));
        await TestData.ApplyIndexesAsync(Database);
        StandIn = await StandInServer.StartAsync();
        Gateway = await GatewayServer.StartAsync(Settings());
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await StandIn.DisposeAsync();
        await Database.DisposeAsync();
    }
}
