using Pitchey.Deployment.IntegrationTests.Files;
using Pitchey.Testing.Postgres;

namespace Pitchey.Deployment.IntegrationTests.Compose;

/// <summary>The configs docker-compose.yml mounts, checked by their own programs (Debian's haproxy and promtool, installed by .ci/run).</summary>
public sealed class ComposeToolsTests
{
    [Fact]
    public async Task HaproxyConfig_IsValid_WarningOnlyAboutTheGatewaysNamesUnknownHere()
    {
        var output = await ProcessRunner.RunAsync("haproxy", ["-c", "-f", Repo.PathOf("config/haproxy/haproxy.cfg")]);

        Assert.Contains("Configuration file is valid", output, StringComparison.Ordinal);
        var warnings = output.Split('\n').Where(l => l.Contains("[WARNING]", StringComparison.Ordinal)).ToList();
        Assert.All(warnings, w => Assert.Contains("could not resolve address 'gateway-", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrometheusConfig_IsValid()
    {
        var output = await ProcessRunner.RunAsync("promtool", ["check", "config", Repo.PathOf("config/prometheus/prometheus.yml")]);

        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }
}
