using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Gateway;
using Pitchey.Gateway.Management;
using Pitchey.Testing.Postgres;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// The gateway as it ships (same builder, same config files), on 127.0.0.1 and a free port,
/// pointed at a stand-in API and a test database through setting overrides. Its management plane
/// is on (a second free port, <see cref="ManagementKey"/>) unless a test removes the key.
/// </summary>
public sealed class GatewayServer : LoopbackServer
{
    /// <summary>A database nobody answers at (port 9, discard), for tests that never reach it; the password is the one that must not leak.</summary>
    public const string NoDatabase = "Host=127.0.0.1;Port=9;Database=x;Username=x;Password=" + PostgresCluster.Password;

    /// <summary>The management API key of every test gateway: a secret that must never appear in a response or a log line.</summary>
    public const string ManagementKey = "test-management-key-7f3c9a1e5b";

    private readonly HttpClient? _management;

    private GatewayServer(WebApplication app)
        : base(app, TimeSpan.FromSeconds(30))
    {
        ManagementAddress = ManagementPlane.Addresses(app.Services).FirstOrDefault();
        if (ManagementAddress is not null)
        {
            _management = new HttpClient { BaseAddress = ManagementAddress, Timeout = TimeSpan.FromSeconds(30) };
            _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ManagementKey);
        }
    }

    /// <summary>The management listener, or null when the plane is off.</summary>
    public Uri? ManagementAddress { get; }

    /// <summary>A client of the management listener that sends <see cref="ManagementKey"/>.</summary>
    public HttpClient Management => _management ?? throw new InvalidOperationException("this gateway's management plane is off (no Management:ApiKeySha256)");

    /// <summary>The lowercase hex SHA-256 of <paramref name="key"/>: what <c>Management:ApiKeySha256</c> holds.</summary>
    public static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Settings every test gateway gets: loopback, free ports, quiet logs, the management plane on.</summary>
    public static Dictionary<string, string?> BaseSettings(string databaseConnectionString, Uri? upstream) => new()
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Management:Urls"] = "http://127.0.0.1:0",
        ["Management:ApiKeySha256"] = KeyHash(ManagementKey),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Database:Primary"] = databaseConnectionString,
        ["ReverseProxy:Clusters:api:Destinations:d1:Address"] = upstream?.ToString() ?? "http://127.0.0.1:9/",
        // The shipped active health check would hit the stand-in on its own schedule and make
        // upstream request counts inexact; the tests that need it turn it back on.
        ["ReverseProxy:Clusters:api:HealthCheck:Active:Enabled"] = "false",
    };

    public override async ValueTask DisposeAsync()
    {
        _management?.Dispose();
        await base.DisposeAsync();
    }

    public static async Task<GatewayServer> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null,
        string[]? args = null)
    {
        var app = GatewayApp.Build(args ?? [], settings, builder => services?.Invoke(builder.Services));
        return new GatewayServer(await StartAsync(app));
    }
}
