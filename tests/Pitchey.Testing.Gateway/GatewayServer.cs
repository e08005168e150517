using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Gateway;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// The gateway as it ships (same builder, same config files), on 127.0.0.1 and a free port,
/// pointed at a stand-in API and a test database through setting overrides.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Settings every test gateway gets: loopback, a free port, quiet logs.</summary>
    public static Dictionary<string, string?> BaseSettings(string databaseConnectionString, Uri? upstream) => new()
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Database:Primary"] = databaseConnectionString,
        ["ReverseProxy:Clusters:api:Destinations:d1:Address"] = upstream?.ToString() ?? "http://127.0.0.1:9/",
        // The shipped active health check would hit the stand-in on its own schedule and make
        // upstream request counts inexact; the tests that need it turn it back on.
        ["ReverseProxy:Clusters:api:HealthCheck:Active:Enabled"] = "false",
    };

    public static async Task<GatewayServer> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null,
        string[]? args = null)
    {
        var app = GatewayApp.Build(args ?? [], settings, builder => services?.Invoke(builder.Services));
        await app.StartAsync();
        return new GatewayServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
