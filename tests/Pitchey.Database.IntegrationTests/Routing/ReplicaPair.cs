using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Routing;

/// <summary>A primary with the schema and one streaming replica, shared by tests that leave both running.</summary>
public sealed class ReplicaPair : IAsyncLifetime
{
    public PostgresCluster Primary { get; private set; } = null!;

    public PostgresCluster Replica { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Primary = await PostgresCluster.StartAsync();
        Replica = await Primary.StartReplicaAsync();
    }

    public async Task DisposeAsync()
    {
        await Replica.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
