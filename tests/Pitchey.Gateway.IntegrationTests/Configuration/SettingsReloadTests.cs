using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Configuration;

public sealed class SettingsReloadTests
{
    [Fact]
    public async Task AppSettings_EditedToAnInvalidValueWhileRunning_ProbesKeepAnswering()
    {
        var configDir = Directory.CreateTempSubdirectory("pitchey-config-").FullName;
        try
        {
            File.Copy(RepoPaths.Config("appsettings.json"), Path.Combine(configDir, "appsettings.json"));
            File.Copy(RepoPaths.Config("gateway.json"), Path.Combine(configDir, "gateway.json"));
            var settings = GatewayServer.BaseSettings(GatewayServer.NoDatabase, upstream: null);
            await using var gateway = await GatewayServer.StartAsync(settings, args: ["--config-dir", configDir]);
            var configuration = gateway.Services.GetRequiredService<IConfiguration>();
            var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = configuration.GetReloadToken().RegisterChangeCallback(_ => reloaded.TrySetResult(), null);

            await File.WriteAllTextAsync(
                Path.Combine(configDir, "appsettings.json"), "{ \"HealthProbes\": { \"CacheTtl\": \"00:00:00\" } }");
            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));

            foreach (var path in new[] { "/health/live", "/health/ready", "/health", "/api/health" })
            {
                using var response = await gateway.Client.GetAsync(path);
                Assert.True((int)response.StatusCode is 200 or 503, $"{path} answered {(int)response.StatusCode}");
            }
        }
        finally
        {
            Directory.Delete(configDir, recursive: true);
        }
    }
}
