using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Pitchey.Gateway.IntegrationTests.Resilience;

[Collection(SharedEnvironmentCollection.Name)]
public sealed class ResilienceConfigTests(SharedEnvironment shared)
{
    [Theory]
    [InlineData("Resilience:Clusters:api:FailureRatio", "1.5")]
    [InlineData("Resilience:Clusters:api:BreakDuration", "-00:00:05")]
    [InlineData("Resilience:Clusters:api:MinimumThroughput", "1")]
    [InlineData("Resilience:Clusters:api:FailureStatusCodes", "5xx,teapot")]
    [InlineData("Resilience:Clusters:reports:SamplingDuration", "00:00:00")]
    public async Task BadBreakerSetting_StopsStartup_WithAMessageNamingTheKey(string key, string value)
    {
        var settings = GatewayServer.BaseSettings(GatewayServer.NoDatabase, upstream: null);
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayServer.StartAsync(settings));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActiveHealthCheck_TakesADeadDestinationOutOfRotation()
    {
        var settings = shared.GatewaySettings();
        settings["ReverseProxy:Clusters:api:Destinations:d1:Address"] = Loopback.RefusingAddress().ToString();
        settings["ReverseProxy:Clusters:api:Destinations:d2:Address"] = shared.StandIn.Address.ToString();
        settings["ReverseProxy:Clusters:api:HealthCheck:Active:Enabled"] = "true";
        settings["ReverseProxy:Clusters:api:HealthCheck:Active:Interval"] = "00:00:00.500";
        settings["ReverseProxy:Clusters:api:HealthCheck:Active:Timeout"] = "00:00:01";
        settings["Resilience:Clusters:api:MaxRetries"] = "0";
        await using var gateway = await shared.StartGatewayAsync(settings);
        var proxy = gateway.Services.GetRequiredService<IProxyStateLookup>();

        await Eventually.HoldsAsync(
            () => proxy.TryGetCluster("api", out var cluster)
                && cluster.Destinations["d1"].Health.Active == DestinationHealth.Unhealthy
                && cluster.Destinations["d2"].Health.Active == DestinationHealth.Healthy,
            "the active check marks d1 unhealthy and d2 healthy");

        for (var i = 0; i < 10; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/pitches");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
