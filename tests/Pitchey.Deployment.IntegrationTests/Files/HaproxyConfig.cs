using System.Globalization;
using System.Text.RegularExpressions;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>What config/haproxy/haproxy.cfg says about the gateways: where it listens, its servers, its health check.</summary>
internal sealed partial record HaproxyConfig(int BindPort, IReadOnlyList<(string Name, string Address)> Servers, string CheckPath, string CheckHost)
{
    public const string File = "config/haproxy/haproxy.cfg";

    public static HaproxyConfig Read()
    {
        var text = System.IO.File.ReadAllText(Repo.PathOf(File));
        var check = Check().Match(text);
        Assert.True(check.Success, "haproxy.cfg has no http-check send line");
        return new HaproxyConfig(
            int.Parse(Bind().Match(text).Groups[1].Value, CultureInfo.InvariantCulture),
            Server().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList(),
            check.Groups[1].Value,
            check.Groups[2].Value);
    }

    [GeneratedRegex(@"^\s*server\s+(\S+)\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex Server();

    [GeneratedRegex(@"^\s*bind\s+:(\d+)", RegexOptions.Multiline)]
    private static partial Regex Bind();

    [GeneratedRegex(@"^\s*http-check send meth GET uri (\S+) ver HTTP/1.1 hdr Host (\S+)", RegexOptions.Multiline)]
    private static partial Regex Check();
}
