using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    private readonly string[] _secrets;

    private GatewayServer(WebApplication app, LogSink logs, string[] secrets)
        : base(app, TimeSpan.FromSeconds(30))
    {
        Logs = logs;
        _secrets = secrets;
        ManagementAddress = ManagementPlane.Addresses(app.Services).FirstOrDefault();
        if (ManagementAddress is not null)
        {
            _management = new HttpClient { BaseAddress = ManagementAddress, Timeout = TimeSpan.FromSeconds(30) };
            _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ManagementKey);
        }
    }

    /// <summary>Every line this gateway logged (at <c>captureLevel</c> and above), checked for secrets when it stops.</summary>
    public LogSink Logs { get; }

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
        // The shipped per-client limits would refuse a test's bursts from 127.0.0.1; the tests of
        // rate limiting set their own.
        ["RateLimiting:Policies:api:PermitLimit"] = "1000000",
        ["RateLimiting:Policies:api:TokensPerPeriod"] = "1000000",
        ["RateLimiting:Policies:tuned:PermitLimit"] = "1000000",
        ["RateLimiting:Policies:tuned:TokensPerPeriod"] = "1000000",
    };

    public override async ValueTask DisposeAsync()
    {
        _management?.Dispose();
        await base.DisposeAsync();
    }

    /// <param name="settings">Setting overrides (see <see cref="BaseSettings"/>).</param>
    /// <param name="services">Services added after the gateway's own.</param>
    /// <param name="args">The command line.</param>
    /// <param name="captureLevel">The least severe log line <see cref="Logs"/> keeps, whatever the console shows. Default Information.</param>
    public static async Task<GatewayServer> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null,
        string[]? args = null,
        LogLevel captureLevel = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logs = new LogSink();
        var app = GatewayApp.Build(args ?? [], settings, builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<LogSink>(null, captureLevel);
            services?.Invoke(builder.Services);
        });
        return new GatewayServer(await StartAsync(app), logs, [.. SecretsOf(settings), ManagementKey]);
    }

    /// <summary>The values of the settings that hold secrets: connection strings, keys, secrets.</summary>
    public static string[] SecretsOf(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings
            .Where(s => s.Value is { Length: >= 8 }
                && (s.Key == "Database:Primary" || s.Key.StartsWith("Database:Replicas:", StringComparison.Ordinal)
                    || s.Key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase) || s.Key.EndsWith("Key", StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.Value!)
            .ToArray();
    }

    /// <summary>No log line of a gateway, in any test, may carry a secret.</summary>
    protected override void Stopped() => SecretAssert.LogClean(Logs.Lines, _secrets);
}
