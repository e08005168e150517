using Npgsql;
using Pitchey.Database.Routing;
using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Routing;

/// <summary>Each test owns its environment and stops one of its clusters.</summary>
public sealed class FailoverTests
{
    [Fact]
    public async Task ReadAsync_ReplicaStopped_FailsOverWithoutAnErrorReachingTheCaller()
    {
        await using var env = await DatabaseEnvironment.StartAsync(new DatabaseRecipe { Replicas = 1 });
        // A long monitor interval: the router, not the monitor, must notice the dead replica.
        await using var host = await RoutingHost.StartAsync(env, new Dictionary<string, string?>
        {
            ["Database:Routing:MonitorInterval"] = "00:01:00",
        });
        await host.WaitForReplicaAsync(s => s.CanServe(5, null), "usable");
        Assert.True((await host.Contract.ReadAsync(QueryNames.Browse, RoutingHost.InRecoveryAsync)).OnReplica);

        await env.Replica.StopAsync();

        var results = new List<RoutedResult<bool>>();
        for (var i = 0; i < 10; i++)
        {
            results.Add(await host.Contract.ReadAsync(QueryNames.Browse, RoutingHost.InRecoveryAsync));
        }

        Assert.All(results, r => Assert.False(r.OnReplica));
        Assert.All(results, r => Assert.False(r.Value));
        Assert.False(host.Monitor.Current.Replicas[0].Reachable, "the failed read marked the replica down at once");
        // One read found the replica dead and moved on; the others never tried it.
        Assert.Equal(2, host.Router.ConnectionAttempts(host.Hosts.Replicas[0]));
    }

    [Fact]
    public async Task PrimaryStopped_CallsNeedingItFailFastWithoutConnecting_ReplicaReadsGoOn_ThenItRecovers()
    {
        await using var env = await DatabaseEnvironment.StartAsync(new DatabaseRecipe { Replicas = 1 });
        await using var host = await RoutingHost.StartAsync(env, new Dictionary<string, string?>
        {
            ["Database:Routing:Rules:session:Target"] = "Primary",
            ["Database:Routing:BreakerMinimumThroughput"] = "2",
            ["Database:Routing:BreakerBreakDuration"] = "00:00:03",
            ["Database:Routing:MonitorInterval"] = "00:00:00.5",
        });
        await host.WaitForReplicaAsync(s => s.CanServe(5, null), "usable");
        Assert.False((await host.Contract.WriteAsync("write", RoutingHost.InRecoveryAsync)).Value);

        await env.Primary.StopAsync();

        // Until the breaker opens, calls fail as the database fails, but always as DatabaseUnavailableException.
        var opened = false;
        for (var i = 0; i < 20 && !opened; i++)
        {
            var failure = await Assert.ThrowsAsync<DatabaseUnavailableException>(
                () => host.Contract.WriteAsync("write", RoutingHost.InRecoveryAsync));
            opened = host.Router.PrimaryCircuitOpen;
            Assert.NotNull(failure.RetryAfter);
        }

        Assert.True(opened, "the primary's breaker opened");
        var attempts = host.Router.ConnectionAttempts(host.Hosts.Primary);
        for (var i = 0; i < 10; i++)
        {
            var write = await Assert.ThrowsAsync<DatabaseUnavailableException>(
                () => host.Contract.WriteAsync("write", RoutingHost.InRecoveryAsync));
            var session = await Assert.ThrowsAsync<DatabaseUnavailableException>(
                () => host.Contract.ReadAsync(QueryNames.Session, RoutingHost.InRecoveryAsync));
            Assert.True(write.RetryAfter > TimeSpan.Zero);
            Assert.True(session.RetryAfter > TimeSpan.Zero);
            Assert.DoesNotContain(PostgresCluster.Password, write.Message, StringComparison.Ordinal);
        }

        Assert.Equal(attempts, host.Router.ConnectionAttempts(host.Hosts.Primary));
        var browse = await host.Contract.ReadAsync(QueryNames.Browse, RoutingHost.InRecoveryAsync);
        Assert.True(browse.OnReplica, "reads a replica may serve go on while the primary is down");

        await env.Primary.StartServerAsync();
        RoutedResult<bool>? recovered = null;
        for (var i = 0; i < 100 && recovered is null; i++)
        {
            try
            {
                recovered = await host.Contract.WriteAsync("write", RoutingHost.InRecoveryAsync);
            }
            catch (DatabaseUnavailableException)
            {
                await Task.Delay(200); // the breaker lets a trial call through after its break
            }
        }

        Assert.NotNull(recovered);
        Assert.False(recovered.OnReplica);
        Assert.False(host.Router.PrimaryCircuitOpen);
    }

    [Fact]
    public async Task ReadAsync_TwoHealthyReplicas_SharesReadsBetweenThem_AndSparesThePrimary()
    {
        await using var env = await DatabaseEnvironment.StartAsync(new DatabaseRecipe { Replicas = 2 });
        await using var host = await RoutingHost.StartAsync(env);
        await host.WaitForReplicaAsync(s => s.CanServe(5, null), "usable", replica: 0);
        await host.WaitForReplicaAsync(s => s.CanServe(5, null), "usable", replica: 1);

        for (var i = 0; i < 100; i++)
        {
            Assert.True((await host.Contract.ReadAsync(QueryNames.Search, RoutingHost.InRecoveryAsync)).OnReplica);
        }

        var onFirst = host.Router.ConnectionAttempts(host.Hosts.Replicas[0]);
        var onSecond = host.Router.ConnectionAttempts(host.Hosts.Replicas[1]);
        Assert.Equal(100, onFirst + onSecond);
        Assert.True(onFirst > 0 && onSecond > 0, $"both replicas serve reads ({onFirst} / {onSecond})");
        Assert.Equal(0, host.Router.ConnectionAttempts(host.Hosts.Primary));
    }

    [Fact]
    public async Task WriteAsync_QueryError_IsNotRetriedNorTurnedIntoUnavailable()
    {
        await using var env = await DatabaseEnvironment.StartAsync(new DatabaseRecipe());
        await using var host = await RoutingHost.StartAsync(env);

        await Assert.ThrowsAsync<PostgresException>(() => host.Contract.WriteAsync("write", static async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand("SELECT 1/0", connection);
            return await command.ExecuteScalarAsync(ct);
        }));

        Assert.Equal(1, host.Router.ConnectionAttempts(host.Hosts.Primary));
        Assert.False(host.Router.PrimaryCircuitOpen);
    }
}
