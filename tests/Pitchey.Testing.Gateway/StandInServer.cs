using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Pitchey.StandIn;

namespace Pitchey.Testing.Gateway;

/// <summary>The stand-in API on 127.0.0.1 and a free port, with its switches at hand (its <see cref="LoopbackServer.Client"/> calls them).</summary>
public sealed class StandInServer : LoopbackServer
{
    private StandInServer(WebApplication app)
        : base(app, TimeSpan.FromSeconds(10))
    {
    }

    public static async Task<StandInServer> StartAsync() =>
        new(await StartAsync(StandInApp.Build(["--urls", "http://127.0.0.1:0"])));

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Client.PutAsJsonAsync("/_standin/faults", faults);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await Client.DeleteAsync("/_standin/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Requests whose headers reached the stand-in.</summary>
    public async Task<long> RequestCountAsync()
    {
        var stats = await Client.GetFromJsonAsync<JsonElement>("/_standin/stats");
        return stats.GetProperty("requests").GetInt64();
    }

    /// <summary>Requests the stand-in answered after their whole body arrived (an aborted upload never counts).</summary>
    public async Task<long> CompletedCountAsync()
    {
        var stats = await Client.GetFromJsonAsync<JsonElement>("/_standin/stats");
        return stats.GetProperty("completed").GetInt64();
    }
}
