using System.Net;
using System.Text.Json;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.DatabaseInsight;

/// <summary>
/// The insight on a primary without <c>pg_stat_statements</c> (the shipped PostgreSQL default):
/// <c>/admin/db/recommendations</c> still answers, and says what is missing and the SQL that adds it.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class StatementsMissingTests(SharedEnvironment shared)
{
    [Fact]
    public async Task WithoutPgStatStatements_RecommendationsAnswer200_WithTheHintAndTheSqlToInstallIt()
    {
        var settings = shared.GatewaySettings();
        settings["Database:Insight:Interval"] = "00:00:01";
        await using var gateway = await shared.StartGatewayAsync(settings);

        // Every answer on the way is a 200 (before the first round too), none carries a secret.
        var text = "";
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await gateway.Management.GetAsync("/admin/db/recommendations");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            SecretAssert.Clean(text);
            return JsonDocument.Parse(text).RootElement.GetProperty("sequence").GetInt64() > 0;
        }, "a first insight round");

        var recommendations = JsonDocument.Parse(text).RootElement;
        var host = Assert.Single(recommendations.GetProperty("hosts").EnumerateArray());
        Assert.True(host.GetProperty("reachable").GetBoolean());
        Assert.False(host.GetProperty("pgStatStatements").GetProperty("available").GetBoolean());
        Assert.Contains("pg_stat_statements", host.GetProperty("pgStatStatements").GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Empty(recommendations.GetProperty("statements").EnumerateObject());

        var hint = Assert.Single(recommendations.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "pg-stat-statements-missing");
        Assert.Equal("primary", hint.GetProperty("subject").GetString());
        Assert.Contains("pg_stat_statements", hint.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements';  -- then restart PostgreSQL on primary", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;"],
            hint.GetProperty("sql").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(GatewayServer.ManagementKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(shared.Primary.ConnectionString, text, StringComparison.Ordinal);
    }
}
