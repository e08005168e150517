using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests;

/// <summary>One PostgreSQL cluster with the schema for a test class: starting one per test would dominate the run time.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public PostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
