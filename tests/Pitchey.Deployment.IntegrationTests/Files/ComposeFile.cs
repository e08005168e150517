using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>
/// docker-compose.yml as Compose reads it: merge keys applied, <c>${VAR}</c>, <c>${VAR:-default}</c> and
/// <c>${VAR:?message}</c> filled in from an env file (.env.example stands in for .env), and the
/// variables it used recorded.
/// </summary>
internal sealed partial class ComposeFile
{
    private ComposeFile(YamlMappingNode root, IReadOnlyDictionary<string, ComposeService> services, IReadOnlySet<string> variables)
    {
        Root = root;
        Services = services;
        Variables = variables;
    }

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    /// <summary>Every <c>${VAR}</c> the file refers to.</summary>
    public IReadOnlySet<string> Variables { get; }

    public ComposeService Service(string name) =>
        Services.TryGetValue(name, out var service) ? service : throw new Xunit.Sdk.XunitException($"docker-compose.yml has no service '{name}'");

    public static ComposeFile Read(string path, IReadOnlyDictionary<string, string> variables)
    {
        var root = Yaml.Document(path);
        var used = new HashSet<string>(StringComparer.Ordinal);
        Interpolate(root, variables, used);
        var services = root.Map("services").Children.ToDictionary(
            p => ((YamlScalarNode)p.Key).Value!, p => new ComposeService(((YamlScalarNode)p.Key).Value!, (YamlMappingNode)p.Value), StringComparer.Ordinal);
        return new ComposeFile(root, services, used);
    }

    private static void Interpolate(YamlNode node, IReadOnlyDictionary<string, string> variables, HashSet<string> used)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Value is not null:
                scalar.Value = VariablePattern().Replace(scalar.Value, match =>
                {
                    var name = match.Groups["name"].Value;
                    used.Add(name);
                    if (variables.TryGetValue(name, out var value) && value.Length > 0)
                    {
                        return value;
                    }

                    Assert.True(match.Groups["op"].Value == ":-", $"${{{name}}} is required by docker-compose.yml and has no value in the env file");
                    return match.Groups["rest"].Value;
                });
                break;
            case YamlMappingNode map:
                foreach (var child in map.Children.Values)
                {
                    Interpolate(child, variables, used);
                }

                break;
            case YamlSequenceNode list:
                foreach (var child in list.Children)
                {
                    Interpolate(child, variables, used);
                }

                break;
        }
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|:\?)(?<rest>[^}]*))?\}")]
    private static partial Regex VariablePattern();
}
