using Pitchey.Deployment.IntegrationTests.Files;
using Pitchey.Deployment.IntegrationTests.Settings;

namespace Pitchey.Deployment.IntegrationTests.Compose;

/// <summary>
/// A real gateway started with docker-compose.yml's gateway settings (its database, upstream and
/// listeners the test's own): it starts, so no setting there is refused, and it passes the load
/// balancer's check as haproxy.cfg sends it.
/// </summary>
[Collection(DeploymentEnvironmentCollection.Name)]
public sealed class ComposeGatewayTests(DeploymentEnvironment environment)
{
    [Theory]
    [InlineData("gateway-1")]
    [InlineData("gateway-2")]
    public async Task ComposeSettings_StartTheGateway_WhichPassesTheBalancersCheck_AndRefusesAForeignHost(string service)
    {
        var compose = Repo.Compose();
        var settings = DeploymentSettings.Over(environment.GatewaySettings(), compose.Service(service).Environment);
        var haproxy = HaproxyConfig.Read();

        await using var gateway = await environment.StartGatewayAsync(settings);
        var upstreamBefore = await environment.StandIn.RequestCountAsync();

        await Probe.AnswersOkAsync(gateway.Client, haproxy.CheckPath, new Dictionary<string, string> { ["Host"] = haproxy.CheckHost });
        Assert.Equal(upstreamBefore, await environment.StandIn.RequestCountAsync()); // the gateway's own answer, not the API's
        // The Kubernetes-style probe paths are exempt from AllowedHosts (a kubelet sends the pod's IP);
        // every other path of the public port refuses a foreign Host.
        Assert.Equal(400, await Probe.StatusAsync(gateway.Client, "/api/health", new Dictionary<string, string> { ["Host"] = "elsewhere.example" }));
    }
}
