using Pitchey.Deployment.IntegrationTests.Files;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Deployment.IntegrationTests.Container;

/// <summary>
/// The image's HEALTHCHECK, run as Docker runs it (a process in the container's environment) against a
/// running gateway: the command comes from the Dockerfile, the dll from this build, and <c>Urls</c> is
/// the image's with the port of the gateway under test.
/// </summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task HealthCheck_GatewayServing_Exits0HavingProbedLiveness()
    {
        await using var gateway = await GatewayServer.StartAsync(GatewayServer.BaseSettings(GatewayServer.NoDatabase, upstream: null));

        var (exit, output, error) = await RunHealthCheckAsync(gateway.Address.Port);

        Assert.True(exit == 0, error);
        Assert.Equal($"200 http://127.0.0.1:{gateway.Address.Port}/health/live", output.Trim());
    }

    [Fact]
    public async Task HealthCheck_NothingListening_Exits1SayingSo()
    {
        var port = Loopback.FreePort();

        var (exit, output, error) = await RunHealthCheckAsync(port);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains($"http://127.0.0.1:{port}/health/live did not answer", error, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output, string Error)> RunHealthCheckAsync(int port)
    {
        var dockerfile = Repo.Dockerfile();
        var (_, command) = Dockerfile.HealthCheck(dockerfile.Default.Last("HEALTHCHECK")!);
        Assert.Equal("dotnet", command[0]);
        Assert.Equal(ToolProcess.Gateway, Path.GetFileName(command[1]));
        var urls = dockerfile.Environment(dockerfile.Default)["Urls"].Replace($":{DockerfileTests.PublicPort}", $":{port}", StringComparison.Ordinal);
        return ToolProcess.RunAsync(ToolProcess.Gateway, command.Skip(2), new Dictionary<string, string> { ["Urls"] = urls });
    }
}
