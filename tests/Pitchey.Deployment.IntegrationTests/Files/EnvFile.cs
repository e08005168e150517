namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>A <c>KEY=value</c> file (.env.example, secret.env.example): comments and blank lines skipped, the value after the first '='.</summary>
internal static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"{path}: '{line}' is not KEY=value");
            values.Add(line[..equals], line[(equals + 1)..]);
        }

        return values;
    }
}
