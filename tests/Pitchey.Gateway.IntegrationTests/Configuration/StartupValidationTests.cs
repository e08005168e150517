using Microsoft.Extensions.Options;
using Pitchey.Testing;

namespace Pitchey.Gateway.IntegrationTests.Configuration;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Database:Primary", "", "Database:Primary")]
    [InlineData("HealthProbes:CacheTtl", "00:00:00", "HealthProbes:CacheTtl")]
    [InlineData("HealthProbes:RunTimeout", "00:10:00", "HealthProbes:RunTimeout")]
    [InlineData("Proxy:TrustedProxies:0", "not-an-address", "Proxy:TrustedProxies")]
    public async Task BadSetting_StopsStartup_WithAMessageNamingTheKey(string key, string value, string named)
    {
        var settings = GatewayServer.BaseSettings("Host=127.0.0.1;Port=9;Database=x;Username=x;Password=Sup3r-Secret-Test-Pw", upstream: null);
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayServer.StartAsync(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresCluster.Password, error.Message, StringComparison.Ordinal);
    }
}
