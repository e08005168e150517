namespace Pitchey.Testing.Postgres;

/// <summary>Streaming replicas of a cluster, and control over what a standby has replayed.</summary>
public sealed partial class PostgresCluster
{
    /// <summary>
    /// Makes a streaming replica of this cluster the way an operator would: <c>pg_basebackup -R
    /// -X stream</c> into a new data folder, on a new free port, started as a hot standby. The
    /// <c>pitchey</c> user (a superuser) replicates; initdb's pg_hba already allows replication
    /// from 127.0.0.1. The password travels in a passfile, never on a command line.
    /// </summary>
    public async Task<PostgresCluster> StartReplicaAsync()
    {
        var root = Directory.CreateTempSubdirectory("pitchey-pg-replica-").FullName;
        var replica = new PostgresCluster(root, _binDir, Loopback.FreePort());
        try
        {
            var passFile = Path.Combine(root, "pgpass");
            await File.WriteAllTextAsync(passFile, $"127.0.0.1:{Port}:*:{User}:{Password}\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passFile, UnixFileMode.UserRead | UnixFileMode.UserWrite); // libpq ignores a readable passfile
            }
            if (Environment.UserName == "root")
            {
                await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", root]);
            }

            await AsServerUserAsync(Path.Combine(_binDir, "pg_basebackup"),
                "-D", replica.DataDirectory, "-R", "-X", "stream", "-c", "fast", "--no-sync",
                "-d", $"host=127.0.0.1 port={Port} user={User} passfile={passFile}");
            // The copied postgresql.conf still names the primary's port and socket folder; later lines win.
            await File.AppendAllTextAsync(Path.Combine(replica.DataDirectory, "postgresql.conf"), $"""

                port = {replica.Port}
                unix_socket_directories = '{root}'
                """);
            await replica.StartServerAsync();
            return replica;
        }
        catch
        {
            await replica.DisposeAsync();
            throw;
        }
    }

    /// <summary>Standby only: stops applying WAL (it keeps receiving it) until <see cref="ResumeReplayAsync"/>.</summary>
    public async Task PauseReplayAsync()
    {
        await ExecuteAsync("SELECT pg_wal_replay_pause()");
        // The request is asynchronous; wait (bounded) until the startup process has really paused.
        for (var i = 0; i < 200; i++)
        {
            if (await ScalarAsync<string>("SELECT pg_get_wal_replay_pause_state()") == "paused")
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("replay did not pause");
    }

    public Task ResumeReplayAsync() => ExecuteAsync("SELECT pg_wal_replay_resume()");

    /// <summary>Standby only: waits (bounded) until it has replayed everything up to <paramref name="lsn"/>.</summary>
    public async Task WaitForReplayAsync(string lsn)
    {
        for (var i = 0; i < 400; i++)
        {
            if (await ScalarAsync<bool>($"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn"))
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"replica did not replay up to {lsn}");
    }

    /// <summary>Primary only: the current WAL write position, as text (for example <c>0/3000148</c>).</summary>
    public async Task<string> CurrentLsnAsync() => await ScalarAsync<string>("SELECT pg_current_wal_lsn()::text");
}
