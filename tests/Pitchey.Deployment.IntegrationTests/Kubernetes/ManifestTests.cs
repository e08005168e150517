using Pitchey.Deployment.IntegrationTests.Container;
using Pitchey.Deployment.IntegrationTests.Files;
using Pitchey.Deployment.IntegrationTests.Settings;
using Pitchey.Gateway.Cli;

namespace Pitchey.Deployment.IntegrationTests.Kubernetes;

/// <summary>config/k8s read against the project: settings names, ports, probes, selectors, the migrate Job.</summary>
public sealed class ManifestTests
{
    [Fact]
    public void Kustomization_ListsEveryManifest_AndMakesTheSecretFromAnIgnoredFile()
    {
        var manifests = Repo.Kubernetes();
        var kustomization = manifests.Kustomization;

        Assert.Equal(manifests.Objects.Select(o => o.File).Distinct().Order(StringComparer.Ordinal), kustomization.Strings("resources").Order(StringComparer.Ordinal));
        Assert.Equal("pitchey-gateway-secrets", kustomization.RequiredText("secretGenerator", "0", "name"));
        Assert.Equal(["secret.env"], kustomization.Strings("secretGenerator", "0", "envs"));
        Assert.Contains("config/k8s/secret.env", File.ReadAllLines(Repo.PathOf(".gitignore")));
        Assert.Equal(manifests.Container().RequiredText("image"), kustomization.RequiredText("images", "0", "name"));
        Assert.Equal(new[] { "Deployment", "HorizontalPodAutoscaler", "Job", "ConfigMap", "PodDisruptionBudget", "Service" }.Order(StringComparer.Ordinal),
            manifests.Objects.Select(o => o.Node.RequiredText("kind")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Settings_EveryNameIsOneTheGatewayReads_AndSecretsStayInTheSecret()
    {
        var manifests = Repo.Kubernetes();
        var container = manifests.Container();
        var podFields = container.PodFields();

        string[] names = [.. manifests.ConfigMap().Keys, .. manifests.SecretExample().Keys, .. container.Env().Keys];
        Assert.All(names, name => Assert.True(KnownSettings.Gateway.KnowsVariable(name), $"{name} is read by nothing"));
        Assert.All(podFields, field => Assert.Contains(container.Env().Values, v => v.Contains($"$({field})", StringComparison.Ordinal)));
        string[] plain = [.. manifests.ConfigMap().Keys, .. container.Env().Keys];
        Assert.All(plain, name => Assert.DoesNotMatch("(?i)password|secret|key|Database__(Primary|Replicas)", name));
        Assert.Contains("Database__Primary", manifests.SecretExample().Keys);
        Assert.All(new[] { container, manifests.JobContainer() }, c =>
        {
            Assert.Equal("pitchey-gateway-settings", c.RequiredText("envFrom", "0", "configMapRef", "name"));
            Assert.Equal(manifests.Kustomization.RequiredText("secretGenerator", "0", "name"), c.RequiredText("envFrom", "1", "secretRef", "name"));
        });
    }

    [Fact]
    public void Deployment_ContainerPorts_AreTheImagesListeners_AndEverySelectorFindsThePods()
    {
        var manifests = Repo.Kubernetes();
        var container = manifests.Container();
        var ports = container.Ports();
        var template = manifests.Deployment().Map("spec", "template");

        Assert.Equal(new Dictionary<string, int> { ["http"] = DockerfileTests.PublicPort, ["management"] = DockerfileTests.ManagementPort }, ports);
        Assert.Equal(Repo.Dockerfile().Default.Exposed.Order(), ports.Values.Order());
        Assert.Equal(new Endpoint("0.0.0.0", ports["http"]), Endpoint.FromUrl(container.Env()["Urls"]));
        Assert.Equal(new Endpoint("0.0.0.0", ports["management"]), Endpoint.FromUrl(container.Env()["Management__Urls"]));
        Assert.Equal(ports["management"].ToString(System.Globalization.CultureInfo.InvariantCulture), template.RequiredText("metadata", "annotations", "prometheus.io/port"));
        Assert.Equal("/metrics", template.RequiredText("metadata", "annotations", "prometheus.io/path"));

        var podLabels = template.Pairs("metadata", "labels");
        Assert.Equal(podLabels, manifests.Deployment().Pairs("spec", "selector", "matchLabels"));
        Assert.All(manifests.OfKind("Service"), service =>
        {
            Assert.Equal(podLabels, service.Pairs("spec", "selector"));
            Assert.All(service.List("spec", "ports"), port => Assert.Contains(port.RequiredText("targetPort"), ports.Keys));
        });
        Assert.Equal(podLabels, manifests.Get("PodDisruptionBudget", Workloads.Name).Pairs("spec", "selector", "matchLabels"));
        Assert.Equal("Deployment/" + Workloads.Name, string.Join('/', manifests.Get("HorizontalPodAutoscaler", Workloads.Name).Strings("spec", "scaleTargetRef", "kind")
            .Concat(manifests.Get("HorizontalPodAutoscaler", Workloads.Name).Strings("spec", "scaleTargetRef", "name"))));
        // The Job's pods must not look like gateways to the Service, the budget or the Deployment.
        var jobLabels = manifests.Get("Job", "pitchey-gateway-migrate").Pairs("spec", "template", "metadata", "labels");
        Assert.False(podLabels.All(l => jobLabels.TryGetValue(l.Key, out var v) && v == l.Value));
    }

    [Fact]
    public void Deployment_Probes_LiveAndStartupOnLiveness_ReadinessOnReady_BoundedAndWithAnAllowedHost()
    {
        var manifests = Repo.Kubernetes();
        var probes = manifests.Container().Probes();
        var allowedHosts = manifests.ConfigMap()["AllowedHosts"].Split(';');

        Assert.Equal("/health/live", probes["startupProbe"].RequiredText("httpGet", "path"));
        Assert.Equal("/health/live", probes["livenessProbe"].RequiredText("httpGet", "path"));
        Assert.Equal("/health/ready", probes["readinessProbe"].RequiredText("httpGet", "path"));
        Assert.All(probes.Values, probe =>
        {
            Assert.Equal("http", probe.RequiredText("httpGet", "port"));
            Assert.InRange(probe.Seconds("timeoutSeconds"), 1, 2); // answered from the probe cache: no reason for more
            Assert.Contains(probe.ProbeHeaders()["Host"], allowedHosts);
        });
        // Start-up gets a minute; liveness restarts only after half a minute of silence; readiness reacts within ten seconds.
        Assert.True(probes["startupProbe"].Seconds("periodSeconds") * probes["startupProbe"].Seconds("failureThreshold") >= 60);
        Assert.True(probes["livenessProbe"].Seconds("periodSeconds") * probes["livenessProbe"].Seconds("failureThreshold") >= 30);
        Assert.True(probes["readinessProbe"].Seconds("periodSeconds") * probes["readinessProbe"].Seconds("failureThreshold") <= 10);
    }

    [Fact]
    public void Pods_RunAsTheImagesUser_Hardened_WithResources_AndRoomForDisruption()
    {
        var manifests = Repo.Kubernetes();
        var pods = new[] { manifests.Deployment(), manifests.Get("Job", "pitchey-gateway-migrate") }.Select(w => w.Map("spec", "template", "spec"));

        Assert.Equal("$APP_UID", Repo.Dockerfile().Inherited(Repo.Dockerfile().Default, "USER"));
        Assert.All(pods, pod =>
        {
            Assert.Equal("true", pod.RequiredText("securityContext", "runAsNonRoot"));
            Assert.Equal("1654", pod.RequiredText("securityContext", "runAsUser")); // $APP_UID of the .NET images
            var container = (YamlDotNet.RepresentationModel.YamlMappingNode)pod.List("containers")[0];
            Assert.Equal("true", container.RequiredText("securityContext", "readOnlyRootFilesystem"));
            Assert.Equal("false", container.RequiredText("securityContext", "allowPrivilegeEscalation"));
            Assert.Equal("/tmp", container.RequiredText("volumeMounts", "0", "mountPath"));
            Assert.NotNull(container.Text("resources", "requests", "memory"));
            Assert.NotNull(container.Text("resources", "limits", "memory"));
        });
        var minReplicas = int.Parse(manifests.Get("HorizontalPodAutoscaler", Workloads.Name).RequiredText("spec", "minReplicas"), System.Globalization.CultureInfo.InvariantCulture);
        var minAvailable = int.Parse(manifests.Get("PodDisruptionBudget", Workloads.Name).RequiredText("spec", "minAvailable"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(minReplicas > minAvailable, "a budget as large as the smallest scale blocks every drain");
        Assert.Equal("0", manifests.Deployment().RequiredText("spec", "strategy", "rollingUpdate", "maxUnavailable"));
    }

    [Fact]
    public void MigrateJob_RunsApplyWithTheGatewaysImage_NeverRetryingASettingsOrUsageError()
    {
        var manifests = Repo.Kubernetes();
        var job = manifests.Get("Job", "pitchey-gateway-migrate");
        var container = manifests.JobContainer();

        Assert.Equal(manifests.Container().RequiredText("image"), container.RequiredText("image"));
        Assert.Equal(["migrate", "apply", "config/sql/indexes.sql"], container.Strings("args"));
        Repo.AssertInImage(container.Strings("args")[2]);
        Assert.Equal("Never", job.RequiredText("spec", "template", "spec", "restartPolicy"));
        var rule = job.Map("spec", "podFailurePolicy", "rules", "0");
        Assert.Equal("FailJob", rule.Text("action"));
        Assert.Equal(container.RequiredText("name"), rule.Text("onExitCodes", "containerName"));
        Assert.Equal([ExitCodes.Usage.ToString(System.Globalization.CultureInfo.InvariantCulture), ExitCodes.Config.ToString(System.Globalization.CultureInfo.InvariantCulture)], rule.Strings("onExitCodes", "values"));
    }
}
