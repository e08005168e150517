using System.Text.RegularExpressions;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>
/// Which repository files a <c>.dockerignore</c> leaves in the build context, by Docker's rules: each
/// pattern (<c>*</c> within a path segment, <c>**</c> across segments) excludes what it matches and
/// everything below it, <c>!</c> re-includes, and the last pattern that matches a path decides.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _rules = [];

    public static DockerIgnore Read(string path)
    {
        var ignore = new DockerIgnore();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclude = !line.StartsWith('!');
            var pattern = line.TrimStart('!').Trim('/');
            ignore._rules.Add((new Regex("^" + ToRegex(pattern) + "(/.*)?$", RegexOptions.CultureInvariant), exclude));
        }

        return ignore;
    }

    /// <summary>Whether <paramref name="relativePath"/> (from the context's root, with '/') is sent to the builder.</summary>
    public bool Includes(string relativePath)
    {
        var included = true;
        foreach (var (pattern, exclude) in _rules)
        {
            if (pattern.IsMatch(relativePath))
            {
                included = !exclude;
            }
        }

        return included;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    regex.Append("(.*/)?"); // **/ : any number of whole segments, none included
                    i++;
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.ToString();
    }
}
