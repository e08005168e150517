using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>
/// The repository's Dockerfile as instructions grouped by stage: what each stage is built from,
/// copies, sets and runs. Enough of the syntax for this file: line continuations, comments,
/// <c>ENV k=v ...</c>, exec-form (JSON) commands, <c>HEALTHCHECK [options] CMD [...]</c>.
/// </summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerStage> stages) => Stages = stages;

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The stage <c>docker build</c> builds without <c>--target</c>.</summary>
    public DockerStage Default => Stages[^1];

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new Xunit.Sdk.XunitException($"the Dockerfile has no stage '{name}'");

    /// <summary>The stage and the ones it is built <c>FROM</c>, nearest first.</summary>
    public IEnumerable<DockerStage> Lineage(DockerStage stage)
    {
        for (var current = stage; current is not null; current = Stages.SingleOrDefault(s => s.Name == current.From))
        {
            yield return current;
        }
    }

    /// <summary>The environment a stage's containers start with (its own ENV over its parents').</summary>
    public IReadOnlyDictionary<string, string> Environment(DockerStage stage)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ancestor in Lineage(stage).Reverse())
        {
            foreach (var (key, value) in ancestor.Env)
            {
                environment[key] = value;
            }
        }

        return environment;
    }

    /// <summary>The nearest value of <paramref name="instruction"/> (USER, WORKDIR, ENTRYPOINT, ...) in the stage's lineage.</summary>
    public string? Inherited(DockerStage stage, string instruction) =>
        Lineage(stage).Select(s => s.Last(instruction)).FirstOrDefault(v => v is not null);

    public static Dockerfile Read(string path)
    {
        var stages = new List<DockerStage>();
        foreach (var (keyword, arguments) in Instructions(File.ReadAllLines(path)))
        {
            if (keyword == "FROM")
            {
                var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new DockerStage(words.Length == 3 ? words[2] : $"#{stages.Count}", words[0]));
                continue;
            }

            if (keyword != "ARG")
            {
                Assert.NotEmpty(stages); // only ARG may come before the first FROM
                stages[^1].Add(keyword, arguments);
            }
        }

        return new Dockerfile(stages);
    }

    /// <summary>An exec-form command (<c>["dotnet", "x.dll"]</c>) as its words.</summary>
    public static IReadOnlyList<string> ExecForm(string arguments)
    {
        Assert.StartsWith("[", arguments.Trim(), StringComparison.Ordinal);
        return JsonSerializer.Deserialize<string[]>(arguments)!;
    }

    /// <summary>The <c>CMD [...]</c> of a HEALTHCHECK and its <c>--option=value</c>s.</summary>
    public static (IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Command) HealthCheck(string arguments)
    {
        var cmd = arguments.IndexOf("CMD ", StringComparison.Ordinal);
        Assert.True(cmd >= 0, "HEALTHCHECK without CMD");
        var options = OptionPattern().Matches(arguments[..cmd]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        return (options, ExecForm(arguments[(cmd + 4)..]));
    }

    private static IEnumerable<(string Keyword, string Arguments)> Instructions(string[] lines)
    {
        var pending = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = "";
            if (whole.Length == 0)
            {
                continue;
            }

            var space = whole.IndexOf(' ', StringComparison.Ordinal);
            yield return (whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim());
        }
    }

    [GeneratedRegex(@"--([a-z-]+)=(\S+)")]
    private static partial Regex OptionPattern();
}
