using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;
using Pitchey.Database.Routing;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.RoutingHeaders;

/// <summary>
/// Read-your-writes end to end: a write through the gateway earns an LSN cookie; a read
/// carrying it avoids a replica that has not replayed that far.
/// </summary>
public sealed class ReadYourWritesTests(ReplicaEnvironment env) : IClassFixture<ReplicaEnvironment>
{
    [Fact]
    public async Task ProxiedWrite_ThenReadWithItsCookie_GoesToThePrimaryAndSeesTheRow_WhileOtherReadsUseTheReplica()
    {
        var settings = env.GatewaySettings();
        // Paused replay makes the replica look as old as its last replayed commit; a patient
        // budget keeps it eligible, so only the LSN can send the read to the primary.
        settings["Database:Routing:Rules:browse:MaxLagSeconds"] = "3600";
        await using var gateway = await env.StartGatewayAsync(settings);
        using var client = NoCookieJar(gateway);
        var monitor = gateway.Services.GetRequiredService<ReplicaMonitor>();
        await Eventually.HoldsAsync(() => monitor.Current.Replicas[0].CanServe(5, null), "replica usable");
        Assert.Equal("replica", await ReadWhereAsync(client, cookie: null));
        // A replica that never replayed a commit has no replay timestamp, so once behind its lag
        // is unknown and it is not used at all; give it one to measure from.
        await env.Primary.ExecuteAsync("CREATE TABLE IF NOT EXISTS ryw_warmup (id int)");
        await env.Replica.WaitForReplayAsync(await env.Primary.CurrentLsnAsync());

        await env.Replica.PauseReplayAsync();
        try
        {
            // The API's write, simulated: committed on the primary, not yet applied on the replica.
            await env.Primary.ExecuteAsync("INSERT INTO ryw_probe VALUES (1)");
            var written = NpgsqlLogSequenceNumber.Parse(await env.Primary.CurrentLsnAsync());

            using var post = await client.PostAsync("/api/pitches", new StringContent("{\"title\":\"x\"}"));
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            var lsnHeader = Assert.Single(post.Headers.GetValues("X-Pitchey-Lsn"));
            Assert.True(LsnOf(lsnHeader) >= written, "the stamped LSN covers the committed write");
            var setCookie = Assert.Single(post.Headers.GetValues("Set-Cookie"));
            // Cookie values are URL-encoded on the way out ('/' becomes %2F) and decoded on the way in.
            var cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
            Assert.Equal($"pitchey-lsn={Uri.EscapeDataString(lsnHeader)}", cookie);
            Assert.Contains("max-age=60", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);

            var (mineWhere, mineCount) = await ReadAsync(client, cookie);
            var (othersWhere, othersCount) = await ReadAsync(client, cookie: null);
            Assert.Equal(("primary", "1"), (mineWhere, mineCount));
            Assert.Equal(("replica", "0"), (othersWhere, othersCount));

            // The header works like the cookie; malformed values are ignored, never an error.
            using var byHeader = new HttpRequestMessage(HttpMethod.Get, "/_routing/read");
            byHeader.Headers.Add("X-Pitchey-Lsn", lsnHeader);
            using var headerResponse = await client.SendAsync(byHeader);
            Assert.Equal("primary", Assert.Single(headerResponse.Headers.GetValues("X-Pitchey-Db")));
            Assert.Equal(("replica", "0"), await ReadAsync(client, "pitchey-lsn=not-an-lsn"));
            // A made-up position, unsigned or with a forged signature, no longer pins reads to the primary.
            foreach (var forged in new[] { "FFFFFFFF/FFFFFFFF", "FFFFFFFF/FFFFFFFF" + lsnHeader[lsnHeader.IndexOf('.', StringComparison.Ordinal)..] })
            {
                using var byForged = new HttpRequestMessage(HttpMethod.Get, "/_routing/read");
                byForged.Headers.Add("X-Pitchey-Lsn", forged);
                using var forgedResponse = await client.SendAsync(byForged);
                Assert.Equal("replica", Assert.Single(forgedResponse.Headers.GetValues("X-Pitchey-Db")));
                Assert.Equal(("replica", "0"), await ReadAsync(client, "pitchey-lsn=" + Uri.EscapeDataString(forged)));
            }

            Assert.Equal(("replica", "0"), await ReadAsync(client, "pitchey-lsn=" + new string('9', 4000)));

            await env.Replica.ResumeReplayAsync();
            var stamped = LsnOf(lsnHeader);
            await Eventually.HoldsAsync(() => monitor.Current.Replicas[0].Lsn >= stamped, "replica replayed past the cookie");
            Assert.Equal(("replica", "1"), await ReadAsync(client, cookie));
        }
        finally
        {
            await env.Replica.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task ReadsAndFailedWrites_AreNotStamped()
    {
        await using var gateway = await env.StartGatewayAsync();
        using var client = NoCookieJar(gateway);

        using var get = await client.GetAsync("/api/pitches");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.False(get.Headers.Contains("X-Pitchey-Lsn"));
        Assert.False(get.Headers.Contains("Set-Cookie"));

        await env.StandIn.SetFaultsAsync(new { errorRate = 1.0, status = 500 });
        try
        {
            using var failed = await client.PostAsync("/api/pitches", new StringContent("{}"));
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.False(failed.Headers.Contains("X-Pitchey-Lsn"));
            Assert.False(failed.Headers.Contains("Set-Cookie"));
        }
        finally
        {
            await env.StandIn.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task DecisionHeader_IsOffByDefault()
    {
        var settings = env.GatewaySettings();
        settings.Remove("Database:Routing:Http:DecisionHeader");
        await using var gateway = await env.StartGatewayAsync(settings);
        using var client = NoCookieJar(gateway);

        using var response = await client.GetAsync("/_routing/read");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Pitchey-Db"));
    }

    /// <summary>The position a read-your-writes token carries (its first dot-separated part).</summary>
    private static NpgsqlLogSequenceNumber LsnOf(string token) => NpgsqlLogSequenceNumber.Parse(token[..token.IndexOf('.', StringComparison.Ordinal)]);

    private static HttpClient NoCookieJar(GatewayServer gateway) =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<string> ReadWhereAsync(HttpClient client, string? cookie) => (await ReadAsync(client, cookie)).Where;

    private static async Task<(string Where, string Count)> ReadAsync(HttpClient client, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_routing/read");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"read answered {(int)response.StatusCode}: {body}");
        return (Assert.Single(response.Headers.GetValues("X-Pitchey-Db")), body);
    }
}
