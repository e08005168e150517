using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Pitchey.Gateway.IntegrationTests.ApiEndpoints;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Errors;

/// <summary>
/// A broad sweep of requests — good and bad input, every tuned endpoint with real session tokens,
/// refused methods, oversize bodies, foreign hosts, upstream faults, and a database that is not
/// there — with every log line captured down to Trace: neither a response nor a log line carries
/// the database password, a connection string, a signing key or a session token.
/// </summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class SecretsTests(ApiEndpointsEnvironment env)
{
    private const string LsnKey = "lsn-signing-key-of-the-secrets-sweep-0001";
    private const string CursorSecret = "cursor-secret-of-the-secrets-sweep-000001";

    [Fact]
    public async Task Sweep_NoResponseAndNoLogLineCarriesASecret()
    {
        var tokens = env.Seed.CreatorTokens.Take(3).Concat(env.Seed.OtherTokens.Take(3)).ToArray();
        var secrets = new[] { PostgresCluster.Password, env.Primary.ConnectionString, LsnKey, CursorSecret }.Concat(tokens).ToArray();
        var settings = env.GatewaySettings();
        settings["Database:Routing:Http:LsnSigningKey"] = LsnKey;
        settings["TunedQueries:CursorSecret"] = CursorSecret;
        var bodies = new List<string>();
        var logs = new List<string>();

        await using (var gateway = await env.StartGatewayAsync(settings, captureLevel: LogLevel.Trace))
        {
            await SweepAsync(gateway.Client, tokens, bodies);
            await FaultsAsync(gateway.Client, bodies);
            logs.AddRange(gateway.Logs.Lines);
        }

        var dead = env.GatewaySettings();
        dead["Database:Primary"] = Loopback.UnreachableDatabase(timeoutSeconds: 1);
        await using (var gateway = await env.StartGatewayAsync(dead, captureLevel: LogLevel.Trace))
        {
            await SweepAsync(gateway.Client, tokens, bodies);
            logs.AddRange(gateway.Logs.Lines);
        }

        Assert.True(logs.Count > 100, $"the sweep logged {logs.Count} lines");
        Assert.True(bodies.Count > 50, $"the sweep read {bodies.Count} bodies");
        SecretAssert.LogClean(logs, secrets);
        foreach (var body in bodies)
        {
            SecretAssert.Clean(body);
            Assert.DoesNotContain(secrets, secret => body.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>The log check itself can fail: a line with the password in it is caught.</summary>
    [Fact]
    public void LogCheck_CatchesAPassword() =>
        Assert.ThrowsAny<Exception>(() => SecretAssert.LogClean([$"connecting with Password={PostgresCluster.Password}"]));

    private static async Task SweepAsync(HttpClient client, string[] tokens, List<string> bodies)
    {
        var urls = new[]
        {
            "/api/pitches/browse/enhanced?genre=Drama&sort=views&limit=5", "/api/pitches/browse/enhanced?genre=%00",
            "/api/pitches/browse/enhanced?cursor=forged", "/api/search?q=night", "/api/search?q=x%00", "/api/pitches/search?q=a&q=b",
            "/api/dashboard/stats", "/api/auth/session", "/api/creator/dashboard", "/health/live", "/health/ready", "/health",
            "/api/health", "/api/health/detailed", "/admin/breakers",
        };
        foreach (var url in urls)
        {
            await ReadAsync(client, new HttpRequestMessage(HttpMethod.Get, url), bodies);
        }

        foreach (var token in tokens)
        {
            foreach (var url in new[] { "/api/auth/session", "/api/creator/dashboard" })
            {
                var byCookie = new HttpRequestMessage(HttpMethod.Get, url);
                byCookie.Headers.Add("Cookie", $"pitchey-session={token}");
                await ReadAsync(client, byCookie, bodies);
                var byBearer = new HttpRequestMessage(HttpMethod.Get, url);
                byBearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                await ReadAsync(client, byBearer, bodies);
            }
        }

        await ReadAsync(client, new HttpRequestMessage(new HttpMethod("TRACE"), "/api/anything"), bodies);
        await ReadAsync(client, new HttpRequestMessage(new HttpMethod("BREW"), "/api/anything"), bodies);
        await ReadAsync(client, new HttpRequestMessage(HttpMethod.Post, "/api/pitches") { Content = new ByteArrayContent(new byte[11 * 1024 * 1024]) }, bodies);
        var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/pitches");
        foreign.Headers.Host = "evil.example";
        await ReadAsync(client, foreign, bodies);
        await ReadAsync(client, new HttpRequestMessage(HttpMethod.Post, "/api/pitches") { Content = new StringContent("{\"title\":\"t\"}") }, bodies);
    }

    private async Task FaultsAsync(HttpClient client, List<string> bodies)
    {
        foreach (var faults in new object[] { new { errorRate = 1.0, status = 500 }, new { reset = true } })
        {
            await env.StandIn.SetFaultsAsync(faults);
            try
            {
                await ReadAsync(client, new HttpRequestMessage(HttpMethod.Get, "/api/pitches"), bodies);
            }
            finally
            {
                await env.StandIn.ClearFaultsAsync();
            }
        }
    }

    private static async Task ReadAsync(HttpClient client, HttpRequestMessage request, List<string> bodies)
    {
        using (request)
        {
            try
            {
                using var response = await client.SendAsync(request);
                bodies.Add(string.Join("\n", response.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")) + "\n" + await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException)
            {
                // A reset upstream ends the client's connection: nothing to read, which is the point.
            }
        }
    }
}
