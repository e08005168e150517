using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;
using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Routing;

/// <summary>
/// The database module as the gateway wires it (same <c>AddPitcheyDatabase</c>, monitor running
/// as a hosted service), pointed at real clusters, with short intervals so tests stay quick.
/// </summary>
internal sealed class RoutingHost : IAsyncDisposable
{
    private readonly IHost _host;

    private RoutingHost(IHost host) => _host = host;

    public DatabaseRouter Router => _host.Services.GetRequiredService<DatabaseRouter>();

    public IDatabaseRouter Contract => _host.Services.GetRequiredService<IDatabaseRouter>();

    public ReplicaMonitor Monitor => _host.Services.GetRequiredService<ReplicaMonitor>();

    public PrimaryWalPosition WalPosition => _host.Services.GetRequiredService<PrimaryWalPosition>();

    public DatabaseHosts Hosts => _host.Services.GetRequiredService<DatabaseHosts>();

    public IServiceProvider Services => _host.Services;

    /// <summary>The module over <paramref name="environment"/>'s clusters; <paramref name="settings"/> go on top.</summary>
    public static async Task<RoutingHost> StartAsync(DatabaseEnvironment environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var values = environment.DatabaseSettings();
        values["Database:Routing:MonitorInterval"] = "00:00:00.5";
        values["Database:Routing:MonitorTimeout"] = "00:00:00.5";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddMetrics();
        builder.AddPitcheyDatabase();
        var host = builder.Build();
        await host.StartAsync();
        return new RoutingHost(host);
    }

    /// <summary>Polls the monitor's snapshot (no signal exists for "the replica looks like this now").</summary>
    public async Task<HostStatus> WaitForReplicaAsync(Func<HostStatus, bool> condition, string what, int replica = 0)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var status = Monitor.Current.Replicas[replica];
            if (condition(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"replica never became {what}; last status: {status}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A read that tells where it ran: true on a standby.</summary>
    public static async Task<bool> InRecoveryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
