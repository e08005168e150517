using Pitchey.Gateway.Cli;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Cli.Probe;

/// <summary><c>dotnet Pitchey.Gateway.dll probe</c> as a container health check runs it, against a real gateway.</summary>
public sealed class ProbeCommandTests
{
    [Fact]
    public async Task Probe_UrlsSettingOnEveryAddress_GetsLivenessOnLoopback()
    {
        await using var gateway = await GatewayServer.StartAsync(GatewayServer.BaseSettings(GatewayServer.NoDatabase, upstream: null));

        var (exit, output, error) = await ToolProcess.RunAsync(ToolProcess.Gateway, ["probe"],
            new Dictionary<string, string> { ["Urls"] = $"http://0.0.0.0:{gateway.Address.Port}" });

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal($"200 http://127.0.0.1:{gateway.Address.Port}/health/live", output.Trim());
    }

    [Fact]
    public async Task Probe_EndpointAnswers503_Exits1WithTheStatus()
    {
        // No database: readiness says unhealthy once the first report is in.
        await using var gateway = await GatewayServer.StartAsync(GatewayServer.BaseSettings(Loopback.UnreachableDatabase(), upstream: null));
        var ready = new Uri(gateway.Address, "/health/ready");

        var (exit, output, error) = await ToolProcess.RunAsync(ToolProcess.Gateway, ["probe", "--url", ready.ToString()]);

        Assert.Equal(ExitCodes.Unhealthy, exit);
        Assert.Empty(output);
        Assert.Equal($"probe: {ready} answered 503", error.Trim());
    }

    [Fact]
    public async Task Probe_NothingListening_Exits1()
    {
        var url = Loopback.RefusingAddress();

        var (exit, _, error) = await ToolProcess.RunAsync(ToolProcess.Gateway, ["probe", "--url", url.ToString(), "--timeout", "2s"]);

        Assert.Equal(ExitCodes.Unhealthy, exit);
        Assert.Equal($"probe: {url} did not answer (ConnectionError)", error.Trim());
    }

    [Theory]
    [InlineData("--url", "not-a-url", "--url must be an absolute http:// or https:// URL (got 'not-a-url')")]
    [InlineData("--url", "ftp://127.0.0.1/", "--url must be an absolute http:// or https:// URL (got 'ftp://127.0.0.1/')")]
    [InlineData("--timeout", "soon", "--timeout must be a positive duration such as 500ms, 3s (got 'soon')")]
    [InlineData("--timeout", "0s", "--timeout must be a positive duration such as 500ms, 3s (got '0s')")]
    public async Task Probe_BadOption_Exits64NamingIt(string option, string value, string message)
    {
        var (exit, _, error) = await ToolProcess.RunAsync(ToolProcess.Gateway, ["probe", option, value]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"probe: {message}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_UrlsWithoutAFixedHttpPort_Exits78()
    {
        var (exit, _, error) = await ToolProcess.RunAsync(ToolProcess.Gateway, ["probe"],
            new Dictionary<string, string> { ["Urls"] = "http://127.0.0.1:0" });

        Assert.Equal(ExitCodes.Config, exit);
        Assert.Equal("probe: Urls has no http:// address with a fixed port to probe; pass --url", error.Trim());
    }
}
