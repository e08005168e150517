using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>
/// YAML read the way Docker Compose and kubectl read it: every document of a file, anchors resolved
/// and <c>&lt;&lt;:</c> merge keys applied; small accessors that fail the test with the path they missed.
/// </summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlMappingNode Document(string path) => Assert.Single(Documents(path));

    /// <summary>The node at <paramref name="keys"/> (mapping keys, or list indexes as numbers), or null.</summary>
    public static YamlNode? Find(this YamlNode node, params string[] keys)
    {
        var current = node;
        foreach (var key in keys)
        {
            current = current switch
            {
                YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null,
                YamlSequenceNode list when int.TryParse(key, out var index) && index < list.Children.Count => list.Children[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public static string? Text(this YamlNode node, params string[] keys) => (node.Find(keys) as YamlScalarNode)?.Value;

    public static string RequiredText(this YamlNode node, params string[] keys) =>
        node.Text(keys) ?? throw new Xunit.Sdk.XunitException($"no scalar at {string.Join('.', keys)}");

    public static YamlMappingNode Map(this YamlNode node, params string[] keys) =>
        node.Find(keys) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"no mapping at {string.Join('.', keys)}");

    public static IReadOnlyList<YamlNode> List(this YamlNode node, params string[] keys) =>
        (node.Find(keys) as YamlSequenceNode)?.Children.ToList() ?? [];

    /// <summary>A list of scalars (<c>[a, b]</c>), or one scalar as a list of one; empty when absent.</summary>
    public static IReadOnlyList<string> Strings(this YamlNode node, params string[] keys) => node.Find(keys) switch
    {
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        YamlScalarNode scalar => [scalar.Value ?? ""],
        _ => [],
    };

    /// <summary>A mapping of scalars as a dictionary (keys in file order).</summary>
    public static IReadOnlyDictionary<string, string> Pairs(this YamlNode node, params string[] keys) =>
        node.Find(keys) is YamlMappingNode map
            ? map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (p.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();
}
