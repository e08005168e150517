using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.Routing;
using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Routing;

/// <summary>Routing against a real primary and a real streaming replica that stay up.</summary>
public sealed class DatabaseRouterTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    private const string Rushed = "rushed"; // a test query with a 1 s lag budget
    private const string Patient = "patient"; // a test query with a 1 h lag budget

    private static readonly Dictionary<string, string?> Rules = new()
    {
        ["Database:Routing:Rules:session:Target"] = "Primary",
        [$"Database:Routing:Rules:{Rushed}:MaxLagSeconds"] = "1",
        [$"Database:Routing:Rules:{Patient}:MaxLagSeconds"] = "3600",
    };

    [Fact]
    public async Task ReadAsync_HealthyReplica_RunsOnTheReplica_WhileWritesRunOnThePrimary()
    {
        await using var host = await RoutingHost.StartAsync(pair, Rules);
        await host.WaitForReplicaAsync(s => s.CanServe(5, null), "usable");

        var read = await host.Contract.ReadAsync(QueryNames.Browse, RoutingHost.InRecoveryAsync);
        var write = await host.Contract.WriteAsync("write", RoutingHost.InRecoveryAsync);

        Assert.True(read.OnReplica);
        Assert.True(read.Value, "the read ran on a standby");
        Assert.Same(host.Hosts.Replicas[0], read.Host);
        Assert.False(write.OnReplica);
        Assert.False(write.Value, "the write ran on the primary");
        Assert.Same(host.Hosts.Primary, write.Host);
    }

    [Fact]
    public async Task ReadAsync_SessionRule_AlwaysRunsOnThePrimary()
    {
        await using var host = await RoutingHost.StartAsync(pair, Rules);
        await host.WaitForReplicaAsync(s => s.CanServe(5, null), "usable");

        for (var i = 0; i < 10; i++)
        {
            var session = await host.Contract.ReadAsync(QueryNames.Session, RoutingHost.InRecoveryAsync);
            Assert.False(session.OnReplica);
            Assert.False(session.Value);
        }

        Assert.True((await host.Contract.ReadAsync(QueryNames.Browse, RoutingHost.InRecoveryAsync)).OnReplica);
        Assert.Equal(0, host.Router.ConnectionAttempts(host.Hosts.Replicas[0]) - 1);
    }

    [Fact]
    public async Task ReadAsync_ReplayPausedBeyondTheLagBudget_MovesToThePrimary_AndBackAfterResume()
    {
        await using var host = await RoutingHost.StartAsync(pair, Rules);
        await host.WaitForReplicaAsync(s => s.CanServe(1, null), "usable");
        Assert.True((await host.Contract.ReadAsync(Rushed, RoutingHost.InRecoveryAsync)).OnReplica);

        await pair.Replica.PauseReplayAsync();
        try
        {
            // The replica receives this but does not apply it: it falls behind and its lag grows.
            await pair.Primary.ExecuteAsync("CREATE TABLE IF NOT EXISTS lag_probe (id int); INSERT INTO lag_probe VALUES (1)");
            var behind = await host.WaitForReplicaAsync(s => s.LagSeconds > 1, "more than 1 s behind");
            Assert.True(behind.LagBytes > 0);

            var rushed = await host.Contract.ReadAsync(Rushed, RoutingHost.InRecoveryAsync);
            var patient = await host.Contract.ReadAsync(Patient, RoutingHost.InRecoveryAsync);
            Assert.False(rushed.OnReplica, "a read with a 1 s budget avoids a replica more than 1 s behind");
            Assert.False(rushed.Value);
            Assert.True(patient.OnReplica, "a read with a 1 h budget still uses it");
        }
        finally
        {
            await pair.Replica.ResumeReplayAsync();
        }

        await host.WaitForReplicaAsync(s => s.LagSeconds == 0 && s.LagBytes == 0, "caught up");
        Assert.True((await host.Contract.ReadAsync(Rushed, RoutingHost.InRecoveryAsync)).OnReplica);
    }

    [Fact]
    public async Task ReadAsync_MinimumLsnAheadOfTheReplica_RunsOnThePrimaryAndSeesTheWrite()
    {
        await using var host = await RoutingHost.StartAsync(pair, Rules);
        await pair.Primary.ExecuteAsync("CREATE TABLE IF NOT EXISTS ryw_probe (id int)");
        await pair.Replica.WaitForReplayAsync(await pair.Primary.CurrentLsnAsync());
        await host.WaitForReplicaAsync(s => s.CanServe(3600, null), "usable");

        await pair.Replica.PauseReplayAsync();
        try
        {
            await pair.Primary.ExecuteAsync("INSERT INTO ryw_probe VALUES (42)");
            var written = NpgsqlLogSequenceNumber.Parse(await pair.Primary.CurrentLsnAsync());

            var mine = await host.Contract.ReadAsync(Patient, CountAsync, new ReadOptions(written));
            var anyone = await host.Contract.ReadAsync(Patient, CountAsync);

            Assert.False(mine.OnReplica, "the replica has not replayed the caller's write");
            Assert.Equal(1, mine.Value);
            Assert.True(anyone.OnReplica, "without an LSN the lagging replica is fine for a patient read");
            Assert.Equal(0, anyone.Value);

            await pair.Replica.ResumeReplayAsync();
            await host.WaitForReplicaAsync(s => s.Lsn >= written, $"past {written}");
            var later = await host.Contract.ReadAsync(Patient, CountAsync, new ReadOptions(written));
            Assert.True(later.OnReplica, "once replayed past the LSN the replica serves the caller again");
            Assert.Equal(1, later.Value);
        }
        finally
        {
            await pair.Replica.ResumeReplayAsync();
        }

        static async Task<long> CountAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM ryw_probe WHERE id = 42", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
    }

    [Fact]
    public async Task ReadAsync_PrimaryConnectionsKilled_RetriesTransparently()
    {
        // A long monitor interval: the monitor must not find (and discard) the dead connections first.
        await using var host = await RoutingHost.StartAsync(pair, new Dictionary<string, string?>(Rules)
        {
            ["Database:Routing:MonitorInterval"] = "00:01:00",
        });
        await host.Monitor.FirstRound;
        Assert.False((await host.Contract.ReadAsync(QueryNames.Session, RoutingHost.InRecoveryAsync)).Value);

        // What a primary restart or failover does to a pool: every idle connection is dead.
        await pair.Primary.ExecuteAsync(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pitchey-gateway'");
        for (var i = 0; i < 200 && await pair.Primary.ScalarAsync<long>(
                 "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pitchey-gateway'") > 0; i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(0L, await pair.Primary.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pitchey-gateway'"));
        var before = host.Router.ConnectionAttempts(host.Hosts.Primary);
        var session = await host.Contract.ReadAsync(QueryNames.Session, RoutingHost.InRecoveryAsync);

        Assert.False(session.OnReplica);
        Assert.False(session.Value);
        Assert.True(host.Router.ConnectionAttempts(host.Hosts.Primary) - before >= 2, "the dead pooled connection failed and the read was retried");
    }

    [Fact]
    public async Task Metrics_CountReadsByTarget_AndReportReplicaLag()
    {
        await using var host = await RoutingHost.StartAsync(pair, Rules);
        await host.WaitForReplicaAsync(s => s.CanServe(5, null) && s.LagSeconds == 0, "usable and caught up");
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var reads = new Dictionary<string, long>();
        var lag = new Dictionary<string, double>();
        using var listener = new MeterListener();
        // Only this host's meter: other tests' hosts run in the same process.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Pitchey.Database" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "pitchey.db.reads")
            {
                var target = (string)tags.ToArray().Single(t => t.Key == "target").Value!;
                lock (reads)
                {
                    reads[target] = reads.GetValueOrDefault(target) + value;
                }
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "pitchey.db.replica.lag")
            {
                lag[(string)tags.ToArray().Single(t => t.Key == "host").Value!] = value;
            }
        });
        listener.Start();

        await host.Contract.ReadAsync(QueryNames.Browse, RoutingHost.InRecoveryAsync);
        await host.Contract.ReadAsync(QueryNames.Browse, RoutingHost.InRecoveryAsync);
        await host.Contract.ReadAsync(QueryNames.Session, RoutingHost.InRecoveryAsync);
        listener.RecordObservableInstruments();

        Assert.Equal(2, reads.GetValueOrDefault("replica"));
        Assert.Equal(1, reads.GetValueOrDefault("primary"));
        Assert.Equal(0, lag["replica1"]);
    }

    [Fact]
    public async Task WalPosition_ConcurrentWriters_ShareOneQuery_AndLaterWritersGetAFreshOne()
    {
        await using var host = await RoutingHost.StartAsync(pair, Rules);
        var before = NpgsqlLogSequenceNumber.Parse(await pair.Primary.CurrentLsnAsync());
        var completedAt = TimeProvider.System.GetTimestamp();

        var positions = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => host.WalPosition.AfterAsync(completedAt, CancellationToken.None)));

        Assert.Equal(1, host.WalPosition.Queries);
        Assert.All(positions, p => Assert.True(p >= before));
        Assert.Single(positions.Distinct());

        var later = await host.WalPosition.AfterAsync(TimeProvider.System.GetTimestamp(), CancellationToken.None);
        Assert.Equal(2, host.WalPosition.Queries);
        Assert.True(later >= positions[0]);
    }
}
