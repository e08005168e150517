using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;
using Yarp.ReverseProxy;

namespace Pitchey.Gateway.IntegrationTests.Proxy;

public sealed class ConfigReloadTests
{
    [Fact]
    public async Task GatewayJson_EditedWhileRunning_NewDestinationTakesTraffic()
    {
        await using var first = await StandInServer.StartAsync();
        await using var second = await StandInServer.StartAsync();
        var configDir = Directory.CreateTempSubdirectory("pitchey-config-").FullName;
        try
        {
            File.Copy(RepoPaths.Config("appsettings.json"), Path.Combine(configDir, "appsettings.json"));
            await WriteGatewayJsonAsync(configDir, first.Address);
            // The upstream address comes from the file alone here, so no override for it.
            var settings = GatewayServer.BaseSettings(GatewayServer.NoDatabase, upstream: null);
            settings.Remove("ReverseProxy:Clusters:api:Destinations:d1:Address");
            await using var gateway = await GatewayServer.StartAsync(settings, args: ["--config-dir", configDir]);
            Assert.Equal(1, await ForwardAndCountAsync(gateway, first));

            await WriteGatewayJsonAsync(configDir, second.Address);
            await WaitForDestinationAsync(gateway, second.Address);

            Assert.Equal(1, await ForwardAndCountAsync(gateway, second));
            Assert.Equal(1, await first.RequestCountAsync());
        }
        finally
        {
            Directory.Delete(configDir, recursive: true);
        }
    }

    /// <summary>
    /// Watches YARP's live cluster state (not the file) until it points at <paramref name="address"/>:
    /// the file watcher may fire on a half-written file first, so one change signal proves nothing.
    /// </summary>
    private static Task WaitForDestinationAsync(GatewayServer gateway, Uri address)
    {
        var state = gateway.Services.GetRequiredService<IProxyStateLookup>();
        return Eventually.HoldsAsync(
            () => state.TryGetCluster("api", out var cluster)
                && cluster.Destinations.TryGetValue("d1", out var destination)
                && destination.Model.Config.Address == address.ToString(),
            $"YARP's api cluster points at {address}");
    }

    private static async Task<long> ForwardAndCountAsync(GatewayServer gateway, StandInServer upstream)
    {
        var echo = await gateway.Client.GetFromJsonAsync<JsonElement>("/api/ping");
        Assert.Equal("/api/ping", echo.GetProperty("path").GetString());
        return await upstream.RequestCountAsync();
    }

    private static Task WriteGatewayJsonAsync(string configDir, Uri upstream) =>
        File.WriteAllTextAsync(Path.Combine(configDir, "gateway.json"), $$"""
            {
              "ReverseProxy": {
                "Routes": { "api": { "ClusterId": "api", "Order": 1000, "Match": { "Path": "{**catch-all}" } } },
                "Clusters": { "api": { "Destinations": { "d1": { "Address": "{{upstream}}" } } } }
              }
            }
            """);
}
