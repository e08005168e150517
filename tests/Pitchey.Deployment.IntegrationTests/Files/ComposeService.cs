using YamlDotNet.RepresentationModel;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>One service of a <see cref="ComposeFile"/>.</summary>
internal sealed class ComposeService(string name, YamlMappingNode node)
{
    public string Name { get; } = name;

    public YamlMappingNode Node { get; } = node;

    public string? Image => Node.Text("image");

    /// <summary>The Dockerfile stage it builds (<c>build.target</c>), if it builds one.</summary>
    public string? BuildTarget => Node.Text("build", "target");

    public string? BuildContext => Node.Text("build", "context");

    public IReadOnlyDictionary<string, string> Environment => Node.Pairs("environment");

    public IReadOnlyList<string> Command => Node.Strings("command");

    public IReadOnlyList<string> Entrypoint => Node.Strings("entrypoint");

    public IReadOnlyList<int> Exposed => Node.Strings("expose").Select(int.Parse).ToList();

    /// <summary>The container side of each <c>ports</c> entry (<c>[ip:]host:container</c>).</summary>
    public IReadOnlyList<int> PublishedContainerPorts => Node.Strings("ports").Select(p => int.Parse(p.Split(':')[^1])).ToList();

    /// <summary>Each bind mount: its source (relative to the repository) and its target in the container.</summary>
    public IReadOnlyList<(string Source, string Target)> Binds => Node.List("volumes")
        .Select(v => v switch
        {
            YamlMappingNode map when map.Text("type") == "bind" => (map.RequiredText("source"), map.RequiredText("target")),
            YamlScalarNode scalar when scalar.Value!.StartsWith('.') => (scalar.Value.Split(':')[0], scalar.Value.Split(':')[1]),
            _ => ("", ""),
        })
        .Where(b => b.Item1.Length > 0)
        .ToList();

    /// <summary><c>depends_on</c>: service name -> condition (<c>service_started</c> for the short form).</summary>
    public IReadOnlyDictionary<string, string> DependsOn => Node.Find("depends_on") switch
    {
        YamlSequenceNode list => list.Children.ToDictionary(c => ((YamlScalarNode)c).Value!, _ => "service_started", StringComparer.Ordinal),
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => p.Value.Text("condition") ?? "service_started", StringComparer.Ordinal),
        _ => new Dictionary<string, string>(),
    };
}
