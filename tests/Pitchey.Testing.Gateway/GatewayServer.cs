using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// The gateway as it ships (same builder, same config files), on 127.0.0.1 and a free port,
/// pointed at a stand-in API and a test database through setting overrides.
/// </summary>
public sealed class GatewayServer : LoopbackServer
{
    /// <summary>A database nobody answers at (port 9, discard), for tests that never reach it; the password is the one that must not leak.</summary>
    public const string NoDatabase = "Host=127.0.0.1;Port=9;Database=x;Username=x;Password=" + PostgresCluster.Password;

    private GatewayServer(WebApplication app)
        : base(app, TimeSpan.FromSeconds(30))
    {
    }

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
        // The shipped per-client limits would refuse a test's bursts from 127.0.0.1; the tests of
        // rate limiting set their own.
        ["RateLimiting:Policies:api:PermitLimit"] = "1000000",
        ["RateLimiting:Policies:api:TokensPerPeriod"] = "1000000",
        ["RateLimiting:Policies:tuned:PermitLimit"] = "1000000",
        ["RateLimiting:Policies:tuned:TokensPerPeriod"] = "1000000",
    };

    public static async Task<GatewayServer> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null,
        string[]? args = null)
    {
        var app = GatewayApp.Build(args ?? [], settings, builder => services?.Invoke(builder.Services));
        return new GatewayServer(await StartAsync(app));
    }
}
