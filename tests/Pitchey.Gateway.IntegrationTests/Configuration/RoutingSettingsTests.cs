using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Configuration;

public sealed class RoutingSettingsTests
{
    [Theory]
    [InlineData("Database:Routing:MaxLagSeconds", "-1", "Database:Routing:MaxLagSeconds")]
    [InlineData("Database:Routing:ReadRetries", "10", "Database:Routing:ReadRetries")]
    [InlineData("Database:Routing:BreakerBreakDuration", "00:00:00.1", "Database:Routing:BreakerBreakDuration")]
    [InlineData("Database:Routing:Rules:browse:MaxLagSeconds", "-5", "Database:Routing:Rules:browse:MaxLagSeconds")]
    [InlineData("Database:Routing:Rules:session:Target", "Nowhere", "Database:Routing:Rules:session:Target")]
    [InlineData("Database:Routing:MonitorTimeout", "00:00:05", "Database:Routing:MonitorTimeout")]
    [InlineData("Database:Routing:Http:LsnCookieMaxAge", "00:00:00", "Database:Routing:Http:LsnCookieMaxAge")]
    public async Task BadRoutingSetting_StopsStartup_WithAMessageNamingTheKey(string key, string value, string named)
    {
        var settings = GatewayServer.BaseSettings(GatewayServer.NoDatabase, upstream: null);
        settings[key] = value;

        // Options validation throws OptionsValidationException; a value the binder cannot convert
        // (an unknown enum name) throws InvalidOperationException naming the key.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayServer.StartAsync(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresCluster.Password, error.Message, StringComparison.Ordinal);
    }
}
