using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Pitchey.StandIn;

namespace Pitchey.Testing.Gateway;

/// <summary>The stand-in API on 127.0.0.1 and a free port, with its switches at hand.</summary>
public sealed class StandInServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Control = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

    /// <summary>A client for the stand-in's own control endpoints.</summary>
    public HttpClient Control { get; }

    public static async Task<StandInServer> StartAsync()
    {
        var app = StandInApp.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        return new StandInServer(app, new Uri(app.Urls.First()));
    }

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Control.PutAsJsonAsync("/_standin/faults", faults);
        response.EnsureSuccessStatusCode();
    }

    public Task ClearFaultsAsync() => Control.DeleteAsync("/_standin/faults");

    public async Task<long> RequestCountAsync()
    {
        var stats = await Control.GetFromJsonAsync<System.Text.Json.JsonElement>("/_standin/stats");
        return stats.GetProperty("requests").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
