using Pitchey.Deployment.IntegrationTests.Files;
using Pitchey.Deployment.IntegrationTests.Settings;
using Pitchey.Testing.Gateway;

namespace Pitchey.Deployment.IntegrationTests.Kubernetes;

/// <summary>
/// The Deployment's probes sent, as the kubelet sends them (path, port, headers), to a real gateway
/// started with the manifests' settings (ConfigMap, the example Secret, the container's env; database,
/// upstream and listeners the test's own).
/// </summary>
[Collection(DeploymentEnvironmentCollection.Name)]
public sealed class ProbeTests(DeploymentEnvironment environment)
{
    [Fact]
    public async Task EveryProbe_AgainstAGatewayWithTheManifestsSettings_Answers200()
    {
        var manifests = Repo.Kubernetes();
        var container = manifests.Container();
        var podFields = container.PodFields().ToDictionary(f => f, _ => "127.0.0.1", StringComparer.Ordinal);
        await using var gateway = await StartAsync(manifests, podFields);
        var upstreamBefore = await environment.StandIn.RequestCountAsync();

        foreach (var probe in container.Probes().Values)
        {
            // The port the probe names is the container port the gateway's public listener is on.
            Assert.Equal(Endpoint.FromUrl(container.Env()["Urls"]).Port, container.Ports()[probe.RequiredText("httpGet", "port")]);
            await Probe.AnswersOkAsync(gateway.Client, probe.RequiredText("httpGet", "path"), probe.ProbeHeaders());
        }

        // Answered by the gateway's probe endpoints, not forwarded: a path it does not answer itself would reach the API.
        Assert.Equal(upstreamBefore, await environment.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task Probes_WithThePodIpAsHost_Answer_WhileOtherPathsRefuseAForeignHost()
    {
        var manifests = Repo.Kubernetes();
        var podFields = manifests.Container().PodFields().ToDictionary(f => f, _ => "127.0.0.1", StringComparer.Ordinal);
        await using var gateway = await StartAsync(manifests, podFields);
        var podIp = new Dictionary<string, string> { ["Host"] = "10.1.2.3:8080" };

        // A kubelet that sends no Host header of its own sends the pod's IP: the probes answer anyway.
        foreach (var probe in manifests.Container().Probes().Values)
        {
            Assert.Equal(200, await Probe.StatusAsync(gateway.Client, probe.RequiredText("httpGet", "path"), podIp));
        }

        Assert.Equal(400, await Probe.StatusAsync(gateway.Client, "/api/health", podIp));
    }

    private Task<GatewayServer> StartAsync(KubernetesManifests manifests, IReadOnlyDictionary<string, string> podFields) =>
        environment.StartGatewayAsync(DeploymentSettings.Over(environment.GatewaySettings(), manifests.Environment(podFields)));
}
