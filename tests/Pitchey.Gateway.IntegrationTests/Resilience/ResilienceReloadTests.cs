using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Gateway.Resilience;

namespace Pitchey.Gateway.IntegrationTests.Resilience;

[Collection(SharedEnvironmentCollection.Name)]
public sealed class ResilienceReloadTests(SharedEnvironment shared)
{
    [Fact]
    public async Task ChangedSettings_RebuildThatBreaker_InvalidOnesAreIgnored()
    {
        await using var gateway = await shared.StartGatewayAsync(Breakers.Fast(shared.GatewaySettings()));
        var registry = gateway.Services.GetRequiredService<BreakerRegistry>();
        var configuration = (IConfigurationRoot)gateway.Services.GetRequiredService<IConfiguration>();
        using (var isolate = await gateway.Management.PostAsync("/admin/breakers/api/isolate", null))
        {
            isolate.EnsureSuccessStatusCode();
        }

        configuration["Resilience:Clusters:api:FailureRatio"] = "1.5";
        configuration.Reload();

        Assert.Equal(0.5, registry.Get("api").Policy.FailureRatio);
        Assert.Equal("isolated", await Breakers.StateAsync(gateway));

        configuration["Resilience:Clusters:api:FailureRatio"] = "0.8";
        configuration.Reload();

        Assert.Equal(0.8, registry.Get("api").Policy.FailureRatio);
        Assert.Equal("closed", await Breakers.StateAsync(gateway));
    }
}
