using YamlDotNet.RepresentationModel;
using Pitchey.Deployment.IntegrationTests.Files;

namespace Pitchey.Deployment.IntegrationTests.Kubernetes;

/// <summary>The parts of config/k8s the tests keep coming back to: the gateway's container, its settings, its probes.</summary>
internal static class Workloads
{
    public const string Name = "pitchey-gateway";

    public static YamlMappingNode Deployment(this KubernetesManifests manifests) => manifests.Get("Deployment", Name);

    public static YamlMappingNode Container(this KubernetesManifests manifests) =>
        (YamlMappingNode)Assert.Single(manifests.Deployment().List("spec", "template", "spec", "containers"));

    public static YamlMappingNode JobContainer(this KubernetesManifests manifests) =>
        (YamlMappingNode)Assert.Single(manifests.Get("Job", "pitchey-gateway-migrate").List("spec", "template", "spec", "containers"));

    /// <summary>The container's port numbers by name.</summary>
    public static IReadOnlyDictionary<string, int> Ports(this YamlMappingNode container) => container.List("ports")
        .ToDictionary(p => p.RequiredText("name"), p => int.Parse(p.RequiredText("containerPort"), System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The container's own <c>env</c> entries with a literal value (<c>valueFrom</c> ones are left out).</summary>
    public static IReadOnlyDictionary<string, string> Env(this YamlMappingNode container) => container.List("env")
        .Where(e => e.Find("value") is not null)
        .ToDictionary(e => e.RequiredText("name"), e => e.RequiredText("value"), StringComparer.Ordinal);

    /// <summary>Names the kubelet fills from the pod (downward API), for other entries' <c>$(NAME)</c>.</summary>
    public static IReadOnlyList<string> PodFields(this YamlMappingNode container) =>
        container.List("env").Where(e => e.Find("valueFrom") is not null).Select(e => e.RequiredText("name")).ToList();

    public static IReadOnlyDictionary<string, string> ConfigMap(this KubernetesManifests manifests) =>
        manifests.Get("ConfigMap", "pitchey-gateway-settings").Pairs("data");

    public static IReadOnlyDictionary<string, string> SecretExample(this KubernetesManifests manifests) =>
        EnvFile.Read(Path.Combine(manifests.Folder, "secret.env.example"));

    /// <summary>What the container's environment holds: ConfigMap, then Secret (envFrom), then its own env, which wins.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment(this KubernetesManifests manifests, IReadOnlyDictionary<string, string> podFields)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in manifests.ConfigMap().Concat(manifests.SecretExample()).Concat(manifests.Container().Env()))
        {
            environment[name] = podFields.Aggregate(value, (text, field) => text.Replace($"$({field.Key})", field.Value, StringComparison.Ordinal));
        }

        return environment;
    }

    /// <summary>Each probe: kind (startupProbe, livenessProbe, readinessProbe) -> its node.</summary>
    public static IReadOnlyDictionary<string, YamlMappingNode> Probes(this YamlMappingNode container) =>
        new[] { "startupProbe", "livenessProbe", "readinessProbe" }.ToDictionary(k => k, k => container.Map(k), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> ProbeHeaders(this YamlMappingNode probe) =>
        probe.List("httpGet", "httpHeaders").ToDictionary(h => h.RequiredText("name"), h => h.RequiredText("value"), StringComparer.Ordinal);

    public static int Seconds(this YamlMappingNode probe, string field) =>
        int.Parse(probe.RequiredText(field), System.Globalization.CultureInfo.InvariantCulture);
}
