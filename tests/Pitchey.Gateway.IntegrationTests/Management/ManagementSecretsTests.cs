using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pitchey.Database.Insight;
using Pitchey.Gateway.IntegrationTests.Diagnostics;
using Pitchey.Gateway.StatusPage;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Management;

/// <summary>
/// Every management answer and every log line (captured at Debug, Polly at its shipped Warning)
/// after a round of management and API traffic: no password, connection string, API key (right or
/// wrong) or session token anywhere.
/// </summary>
public sealed class ManagementSecretsTests
{
    private const string WrongKey = "wrong-key-4c1d8e2f9a";
    private const string SessionToken = "session-token-b7e5a3c19d";

    [Fact]
    public async Task NoSecret_InAnyManagementAnswer_OrAnyLogLine()
    {
        await using var env = await GatewayEnvironment.StartAsync(new GatewayRecipe { StandIn = true });
        var logs = new CapturedLogs();
        var settings = env.GatewaySettings();
        settings["Logging:LogLevel:Default"] = "Debug";
        // Every tuned query is slow, so the session lookup (its parameter is the token) is kept.
        settings["Database:SlowQueries:ThresholdMs"] = "0";
        settings["Database:Insight:Interval"] = "00:00:01";
        foreach (var category in new[] { "Microsoft.AspNetCore", "Yarp", "Npgsql", "Pitchey" })
        {
            settings[$"Logging:LogLevel:{category}"] = "Debug";
        }

        await using var gateway = await env.StartGatewayAsync(settings, services => services.AddSingleton<ILoggerProvider>(logs));
        var answers = new List<string>();

        foreach (var path in new[] { "/", "/assets/status.js", "/metrics", "/api/health/detailed", "/admin/breakers", "/api/status/history", "/api/status/panels", "/nope" })
        {
            answers.Add(await gateway.Management.GetStringAsync(path).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "", TaskScheduler.Default));
            using var wrong = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("ApiKey", WrongKey) } };
            using var refused = await gateway.Management.SendAsync(wrong);
            answers.Add(await refused.Content.ReadAsStringAsync());
        }

        foreach (var control in new[] { "/admin/breakers/api/isolate", "/admin/breakers/api/reset", "/admin/breakers/nope/isolate" })
        {
            using var response = await gateway.Management.PostAsync(control, null);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        // API traffic that carries tokens: the session endpoint, and a forwarded request with a bearer token.
        using (var session = new HttpRequestMessage(HttpMethod.Get, "/api/auth/session"))
        {
            session.Headers.Add("Cookie", $"pitchey-session={SessionToken}");
            using var response = await gateway.Client.SendAsync(session);
        }

        using (var forwarded = new HttpRequestMessage(HttpMethod.Get, "/api/pitches/7?x=1") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", SessionToken) } })
        using (await gateway.Client.SendAsync(forwarded))
        using (await gateway.Client.GetAsync("/api/pitches/browse/enhanced?limit=2"))
        {
        }

        gateway.Services.GetRequiredService<HistorySampler>().SampleNow();
        await gateway.Services.GetRequiredService<InsightMonitor>().RefreshAsync();
        answers.Add(await gateway.Management.GetStringAsync("/api/status/history"));
        foreach (var path in new[] { "/admin/db/slow-queries", "/admin/db/recommendations", "/admin/db/indexes", "/admin/db/activity", "/admin/alerts", "/api/status/panels" })
        {
            answers.Add(await gateway.Management.GetStringAsync(path));
        }

        Assert.Contains("pitchey:route=session", answers[^6], StringComparison.Ordinal);
        answers.Add(await gateway.Management.GetStringAsync("/metrics"));

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("refused: missing or wrong API key", StringComparison.Ordinal));
        foreach (var text in answers.Concat(logs.Lines))
        {
            foreach (var secret in new[]
                     {
                         PostgresCluster.Password, env.Primary.ConnectionString, "Host=", "Username=", GatewayServer.ManagementKey,
                         GatewayServer.KeyHash(GatewayServer.ManagementKey), WrongKey, SessionToken,
                     })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("password=", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
