using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

    private readonly string[] _secrets;

    private GatewayServer(WebApplication app, LogSink logs, string[] secrets)
        : base(app, TimeSpan.FromSeconds(30))
    {
        Logs = logs;
        _secrets = secrets;
    }

    /// <summary>Every line this gateway logged (at <c>captureLevel</c> and above), checked for secrets when it stops.</summary>
    public LogSink Logs { get; }

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
        return new GatewayServer(await StartAsync(app), logs, SecretsOf(settings));
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
