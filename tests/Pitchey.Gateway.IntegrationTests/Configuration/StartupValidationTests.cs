using Microsoft.Extensions.Options;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Configuration;

/// <summary>A real start-up, stopped by one wrong setting, with a message that names the key and never echoes the value.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Database:Primary", "", "Database:Primary")]
    [InlineData("Database:Primary", "Host=127.0.0.1;Colour=blue;Password=" + PostgresCluster.Password,
        "Database:Primary is not a valid Npgsql connection string.")]
    [InlineData("Database:ApplicationName", "", "Database:ApplicationName")]
    [InlineData("Database:HealthChecks:DegradedLatencyMs", "70000", "Database:HealthChecks:DegradedLatencyMs")]
    [InlineData("Database:Routing:Rules:session:Target", "Nowhere", "Database:Routing:Rules:session:Target must be Replica or Primary.")]
    [InlineData("HealthProbes:CacheTtl", "00:00:00.5", "HealthProbes:CacheTtl must be between 00:00:01 and 01:00:00.")]
    [InlineData("HealthProbes:RunTimeout", "00:10:00", "HealthProbes:RunTimeout must be between 00:00:00.050 and 00:01:00.")]
    [InlineData("HealthProbes:MetricsWindow", "5000", "HealthProbes:MetricsWindow must be between 1 and 1000.")]
    [InlineData("Resilience:Clusters:api:FailureRatio", "1.5", "Resilience:Clusters:api:FailureRatio must be between 0.01 and 1.")]
    [InlineData("Resilience:Clusters:reports:FailureStatusCodes", "5xx,teapot",
        "Resilience:Clusters:reports:FailureStatusCodes has entry 2, which is neither a status code (100..599) nor a class such as 5xx.")]
    [InlineData("Proxy:TrustedProxies:0", "not-an-address", "Proxy:TrustedProxies:0 is neither an IP address nor a CIDR network.")]
    [InlineData("Database:Routing:Http:LsnCookieMaxAge", "02:00:00", "Database:Routing:Http:LsnCookieMaxAge must be between 00:00:01 and 01:00:00.")]
    [InlineData("Management:Urls", "https://127.0.0.1:0", "Management:Urls entry 1 is not an http://host:port address")]
    [InlineData("Management:Urls", "http://gateway.internal:8081", "Management:Urls entry 1 is not an http://host:port address")]
    [InlineData("Management:ApiKeySha256", "the-key-itself-not-its-hash",
        "Management:ApiKeySha256 must be 64 hexadecimal characters: the SHA-256 of the key (sha256sum), never the key itself.")]
    [InlineData("Management:HistoryInterval", "00:00:00.100", "Management:HistoryInterval must be between 00:00:01 and 00:05:00.")]
    [InlineData("TunedQueries:Search:Mode", "Fuzzy", "TunedQueries:Search:Mode must be Substring or FullText.")]
    public async Task BadSetting_StopsStartup_WithAMessageNamingTheKeyNotTheValue(string key, string value, string expected)
    {
        var settings = GatewayServer.BaseSettings(GatewayServer.NoDatabase, upstream: null);
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayServer.StartAsync(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresCluster.Password, error.Message, StringComparison.Ordinal);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        }
    }
}
