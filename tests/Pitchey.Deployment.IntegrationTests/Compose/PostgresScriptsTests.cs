using Npgsql;
using Pitchey.Deployment.IntegrationTests.Files;
using Pitchey.Testing.Postgres;

namespace Pitchey.Deployment.IntegrationTests.Compose;

/// <summary>
/// docker-compose.yml's PostgreSQL scripts on real clusters of the machine's PostgreSQL: the primary's
/// init script, then the replica's entry point, make a streaming replica on its slot, the way the
/// official image would run them (as the postgres user, settings and secrets in the environment).
/// </summary>
public sealed class PostgresScriptsTests
{
    private const string ReplicationPassword = "Repl1cation-Test-Pw";

    [Fact]
    public async Task PrimaryInit_ThenReplicaEntrypoint_StreamOnTheSlot_AndARewipedReplicaReusesIt()
    {
        await using var primary = await PostgresCluster.StartAsync(applySchema: false);
        // As in the image, no pg_hba line lets replication in from another host until the init script adds its own.
        var hba = Path.Combine(primary.DataDirectory, "pg_hba.conf");
        await File.WriteAllLinesAsync(hba, (await File.ReadAllLinesAsync(hba)).Where(l => !l.Contains("replication", StringComparison.Ordinal)));

        var (initExit, initOutput) = await ShellScript.RunAsync("config/postgres/primary-init.sh", new Dictionary<string, string>
        {
            ["POSTGRES_USER"] = PostgresCluster.User,
            ["POSTGRES_DB"] = PostgresCluster.DatabaseName,
            ["PGDATA"] = primary.DataDirectory,
            ["PGHOST"] = "127.0.0.1",
            ["PGPORT"] = Port(primary.Port),
            ["PGPASSWORD"] = PostgresCluster.Password,
            ["REPLICATION_USER"] = "replicator",
            ["REPLICATION_PASSWORD"] = ReplicationPassword,
        });
        Assert.True(initExit == 0, initOutput);
        Assert.Equal("host replication replicator all scram-sha-256", (await File.ReadAllLinesAsync(hba))[^1]);
        await primary.ExecuteAsync("SELECT pg_reload_conf()");

        var folder = await ShellScript.WritableFolderAsync();
        try
        {
            var data = Path.Combine(folder, "data");
            var (exit, output) = await RunReplicaEntrypointAsync(primary, data);
            Assert.True(exit == 0, output);
            Assert.True(File.Exists(Path.Combine(data, "standby.signal")));
            Assert.Contains("primary_slot_name = 'replica_1'", await File.ReadAllTextAsync(Path.Combine(data, "postgresql.auto.conf")), StringComparison.Ordinal);

            var port = Loopback.FreePort();
            await PgCtlAsync(data, "start", "-w", "-t", "60", "-l", Path.Combine(folder, "replica.log"), "-o", $"-p {port} -k {folder}");
            try
            {
                await using var replica = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Database={PostgresCluster.DatabaseName};Username={PostgresCluster.User};Password={PostgresCluster.Password};Pooling=false");
                Assert.True(await ScalarAsync<bool>(replica, "SELECT pg_is_in_recovery()"));
                await primary.ExecuteAsync("CREATE TABLE streamed (id int); INSERT INTO streamed VALUES (42)");
                await Eventually.HoldsAsync(async () => await ScalarAsync<bool>(replica, "SELECT to_regclass('streamed') IS NOT NULL"), "the replica replays the primary's table");
                Assert.Equal(42, await ScalarAsync<int>(replica, "SELECT id FROM streamed"));
                Assert.True(await primary.ScalarAsync<bool>("SELECT active FROM pg_replication_slots WHERE slot_name = 'replica_1'"));
            }
            finally
            {
                await PgCtlAsync(data, "stop", "-m", "fast", "-w");
            }

            // A second start on the same folder only hands over; a wiped folder is cloned again on the slot that is still there.
            var (again, againOutput) = await RunReplicaEntrypointAsync(primary, data);
            Assert.True(again == 0, againOutput);
            Assert.DoesNotContain("waiting for the primary", againOutput, StringComparison.Ordinal);
            var (wiped, wipedOutput) = await RunReplicaEntrypointAsync(primary, Path.Combine(folder, "wiped"));
            Assert.True(wiped == 0, wipedOutput);
            Assert.Equal(1L, await primary.ScalarAsync<long>("SELECT count(*) FROM pg_replication_slots"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ReplicaEntrypoint_WithoutThePrimaryOrPassword_StopsNamingIt()
    {
        var (exit, output) = await ShellScript.RunAsync("config/postgres/replica-entrypoint.sh", new Dictionary<string, string> { ["PRIMARY_HOST"] = "127.0.0.1", ["REPLICATION_USER"] = "replicator" }, "true");

        Assert.NotEqual(0, exit);
        Assert.Contains("set REPLICATION_PASSWORD", output, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output)> RunReplicaEntrypointAsync(PostgresCluster primary, string data) =>
        ShellScript.RunAsync("config/postgres/replica-entrypoint.sh", new Dictionary<string, string>
        {
            ["PRIMARY_HOST"] = "127.0.0.1",
            ["PRIMARY_PORT"] = Port(primary.Port),
            ["REPLICATION_USER"] = "replicator",
            ["REPLICATION_PASSWORD"] = ReplicationPassword,
            ["REPLICATION_SLOT"] = "replica_1",
            ["PGDATA"] = data,
        }, "true"); // in the image: docker-entrypoint.sh postgres

    private static async Task PgCtlAsync(string data, params string[] arguments)
    {
        var pgCtl = Path.Combine(PostgresBinaries.Find(), "pg_ctl");
        string[] command = [pgCtl, "-D", data, .. arguments];
        await (Environment.UserName == "root" ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", .. command]) : ProcessRunner.RunAsync(command[0], command[1..]));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
