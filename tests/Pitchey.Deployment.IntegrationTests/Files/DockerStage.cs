using System.Text.RegularExpressions;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>One <c>FROM ... AS name</c> stage of a <see cref="Dockerfile"/>.</summary>
internal sealed partial class DockerStage(string name, string from)
{
    private readonly List<(string Keyword, string Arguments)> _instructions = [];

    public string Name { get; } = name;

    /// <summary>An image reference, or the name of an earlier stage.</summary>
    public string From { get; } = from;

    public IReadOnlyList<(string Keyword, string Arguments)> Instructions => _instructions;

    /// <summary>The stage's own ENV assignments, in order.</summary>
    public IEnumerable<(string Key, string Value)> Env => _instructions
        .Where(i => i.Keyword == "ENV")
        .SelectMany(i => EnvPattern().Matches(i.Arguments).Select(m => (m.Groups[1].Value, m.Groups[2].Value)));

    public IEnumerable<int> Exposed => _instructions
        .Where(i => i.Keyword == "EXPOSE")
        .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The build-context paths of every <c>COPY</c> that does not copy from another stage.</summary>
    public IEnumerable<string> CopiedFromContext => _instructions
        .Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
        .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));

    public string? Last(string keyword) => _instructions.LastOrDefault(i => i.Keyword == keyword).Arguments;

    public void Add(string keyword, string arguments) => _instructions.Add((keyword, arguments));

    // KEY=value or KEY="value"; an empty value (KEY=) clears.
    [GeneratedRegex("""([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)""")]
    private static partial Regex EnvPattern();
}
