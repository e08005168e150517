using System.Net;
using System.Text.Json;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Limits;

/// <summary>
/// In front of the database: a flood of distinct queries gets a bounded number of turns, the rest
/// queue briefly and then get 503 <c>DATABASE_UNAVAILABLE</c> with Retry-After; a tuned endpoint
/// that takes too long is 504 <c>DATABASE_TIMEOUT</c> and its query is cancelled. A table lock
/// held by the test makes every query wait as long as it needs.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class DatabaseLimitsTests(SharedEnvironment shared)
{
    [Fact]
    public async Task FloodOfDistinctQueries_GetsBoundedTurns_TheRest503WithRetryAfter()
    {
        var settings = shared.GatewaySettings();
        settings["Limits:DatabaseConcurrency"] = "2";
        settings["Limits:DatabaseQueueLimit"] = "2";
        settings["Limits:DatabaseQueueTimeout"] = "00:00:00.300";
        settings["Limits:TunedEndpointTimeout"] = "00:01:00";
        await using var gateway = await shared.StartGatewayAsync(settings);
        await using var lockHolder = await LockPitchesAsync();

        var requests = Enumerable.Range(0, 10).Select(i => gateway.Client.GetAsync($"/api/search?q=flood{i}")).ToArray();
        await Eventually.HoldsAsync(() => requests.Count(r => r.IsCompleted) >= 8, "all but the two holding a turn are answered", TimeSpan.FromSeconds(30));
        var refused = requests.Where(r => r.IsCompleted).Select(r => r.Result).ToArray();

        Assert.Equal(8, refused.Length);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("DATABASE_UNAVAILABLE", body.GetProperty("error").GetProperty("code").GetString());
        }

        await Eventually.HoldsAsync(
            async () => await shared.Primary.ScalarAsync<long>(TableLock.WaitingGatewayQueries) == 2, "the two with a turn wait on the lock in PostgreSQL");
        Assert.Equal(2, requests.Count(r => !r.IsCompleted));
        await lockHolder.DisposeAsync();
        foreach (var response in await Task.WhenAll(requests))
        {
            response.Dispose();
        }

        Assert.Equal(2, requests.Count(r => r.Result.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task SlowTunedEndpoint_Is504InTheEnvelope_AndItsQueryIsCancelled()
    {
        var settings = shared.GatewaySettings();
        settings["Limits:TunedEndpointTimeout"] = "00:00:01";
        await using var gateway = await shared.StartGatewayAsync(settings);
        await using var lockHolder = await LockPitchesAsync();

        using var response = await gateway.Client.GetAsync("/api/search?q=patience");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("DATABASE_TIMEOUT", body.GetProperty("error").GetProperty("code").GetString());
        await Eventually.HoldsAsync(
            async () => await shared.Primary.ScalarAsync<long>(TableLock.WaitingGatewayQueries) == 0, "the query was cancelled while the lock is still held");
    }

    private Task<TableLock> LockPitchesAsync() => TableLock.HoldAsync(shared.Primary.ConnectionString, "pitches");
}
