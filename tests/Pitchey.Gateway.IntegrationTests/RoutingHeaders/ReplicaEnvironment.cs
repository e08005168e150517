using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.RoutingHeaders;

/// <summary>A primary, one streaming replica and the stand-in API, shared by tests that leave them running.</summary>
public sealed class ReplicaEnvironment : IAsyncLifetime
{
    public PostgresCluster Primary { get; private set; } = null!;

    public PostgresCluster Replica { get; private set; } = null!;

    public StandInServer StandIn { get; private set; } = null!;

    /// <summary>Gateway settings: the replica configured, short monitor intervals, the probe endpoints reachable.</summary>
    public Dictionary<string, string?> GatewaySettings(bool decisionHeader = true) => Settings(Primary, Replica, StandIn, decisionHeader);

    public static Dictionary<string, string?> Settings(PostgresCluster primary, PostgresCluster? replica, StandInServer? standIn, bool decisionHeader = true)
    {
        var settings = GatewayServer.BaseSettings(primary.ConnectionString, standIn?.Address);
        if (replica is not null)
        {
            settings["Database:Replicas:0"] = replica.ConnectionString;
        }

        settings["Database:Routing:MonitorInterval"] = "00:00:00.5";
        settings["Database:Routing:MonitorTimeout"] = "00:00:00.5";
        settings["Database:Routing:Http:DecisionHeader"] = decisionHeader ? "true" : "false";
        settings["HealthProbes:CacheTtl"] = "00:00:01";
        settings[RoutingProbeEndpoints.ProxyPathSetting] = RoutingProbeEndpoints.ProxyPath;
        return settings;
    }

    public async Task InitializeAsync()
    {
        Primary = await PostgresCluster.StartAsync();
        await Primary.ExecuteAsync("CREATE TABLE ryw_probe (id int)");
        Replica = await Primary.StartReplicaAsync();
        StandIn = await StandInServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StandIn.DisposeAsync();
        await Replica.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
