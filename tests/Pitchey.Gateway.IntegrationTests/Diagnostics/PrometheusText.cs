using System.Text.RegularExpressions;

namespace Pitchey.Gateway.IntegrationTests.Diagnostics;

/// <summary>The samples of a Prometheus text exposition: each series' name and label names (values as text).</summary>
internal static partial class PrometheusText
{
    public static IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels)> Parse(string exposition)
    {
        var samples = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = Sample().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            samples.Add((match.Groups["name"].Value, labels));
        }

        return samples;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+\S+")]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
