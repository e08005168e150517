using YamlDotNet.RepresentationModel;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>The objects of config/k8s (every document of every *.yaml but the kustomization) and the kustomization.</summary>
internal sealed class KubernetesManifests
{
    private readonly List<(string File, YamlMappingNode Node)> _objects;

    private KubernetesManifests(string folder, List<(string, YamlMappingNode)> objects, YamlMappingNode kustomization)
    {
        Folder = folder;
        _objects = objects;
        Kustomization = kustomization;
    }

    public string Folder { get; }

    public YamlMappingNode Kustomization { get; }

    public IEnumerable<(string File, YamlMappingNode Node)> Objects => _objects;

    public YamlMappingNode Get(string kind, string name) =>
        _objects.Where(o => o.Node.Text("kind") == kind && o.Node.Text("metadata", "name") == name).Select(o => o.Node).SingleOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"config/k8s has no {kind} {name}");

    public IEnumerable<YamlMappingNode> OfKind(string kind) => _objects.Where(o => o.Node.Text("kind") == kind).Select(o => o.Node);

    public static KubernetesManifests Read(string folder)
    {
        var objects = new List<(string, YamlMappingNode)>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) != "kustomization.yaml")
            {
                objects.AddRange(Yaml.Documents(file).Select(d => (Path.GetFileName(file), d)));
            }
        }

        return new KubernetesManifests(folder, objects, Yaml.Document(Path.Combine(folder, "kustomization.yaml")));
    }
}
