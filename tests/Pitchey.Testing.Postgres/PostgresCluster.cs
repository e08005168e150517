using Npgsql;

namespace Pitchey.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster from the machine's own binaries: a temp folder, a free
/// loopback port, fsync off, removed on dispose. Run as the <c>postgres</c> user when the
/// tests run as root, since initdb refuses root.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>The password of the <c>pitchey</c> user; tests check it never leaks.</summary>
    public const string Password = "Sup3r-Secret-Test-Pw";
    public const string User = "pitchey";
    public const string DatabaseName = "pitchey";

    private readonly string _root;
    private readonly string _binDir;
    private bool _frozen;

    private PostgresCluster(string root, string binDir, int port)
    {
        _root = root;
        _binDir = binDir;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Database={DatabaseName};Username={User};Password={Password};Timeout=5;Command Timeout=30";

    /// <summary>Creates and starts a cluster with the <c>pitchey</c> database; optionally applies the schema.</summary>
    public static async Task<PostgresCluster> StartAsync(bool applySchema = true)
    {
        var binDir = PostgresBinaries.Find();
        var root = Directory.CreateTempSubdirectory("pitchey-pg-").FullName;
        var cluster = new PostgresCluster(root, binDir, ProcessRunner.FreeTcpPort());
        try
        {
            await cluster.InitAsync();
            await cluster.StartServerAsync();
            await cluster.CreateDatabaseAsync();
            if (applySchema)
            {
                await cluster.ExecuteAsync(await File.ReadAllTextAsync(RepoPaths.Config("sql", "schema.sql")));
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes a streaming replica of this cluster the way an operator would: <c>pg_basebackup -R
    /// -X stream</c> into a new data folder, on a new free port, started as a hot standby. The
    /// <c>pitchey</c> user (a superuser) replicates; initdb's pg_hba already allows replication
    /// from 127.0.0.1. The password travels in a passfile, never on a command line.
    /// </summary>
    public async Task<PostgresCluster> StartReplicaAsync()
    {
        var root = Directory.CreateTempSubdirectory("pitchey-pg-replica-").FullName;
        var replica = new PostgresCluster(root, _binDir, ProcessRunner.FreeTcpPort());
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
    public async Task<string> CurrentLsnAsync() => (await ScalarAsync<object>("SELECT pg_current_wal_lsn()::text"))!.ToString()!;

    public async Task ExecuteAsync(string sql, string database = DatabaseName)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(DatabaseName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }

    /// <summary>Stops the server the way an outage would: at once, dropping connections.</summary>
    public Task StopAsync() => PgCtlAsync("stop", "-m", "immediate", "-w");

    public Task StartServerAsync() =>
        PgCtlAsync("start", "-w", "-t", "60", "-l", Path.Combine(_root, "server.log"));

    /// <summary>SIGSTOP on the postmaster and every backend: the server accepts TCP but never answers.</summary>
    public async Task FreezeAsync()
    {
        await SignalAllAsync("-STOP");
        _frozen = true;
    }

    public async Task ThawAsync()
    {
        await SignalAllAsync("-CONT");
        _frozen = false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_frozen)
            {
                await ThawAsync();
            }

            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await StopAsync();
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // Best effort: the folder goes anyway.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = false }.ConnectionString;

    private async Task InitAsync()
    {
        var passwordFile = Path.Combine(_root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (Environment.UserName == "root")
        {
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", _root]);
        }

        await AsServerUserAsync(Path.Combine(_binDir, "initdb"),
            "-D", DataDirectory, "-U", User, "--pwfile=" + passwordFile, "--auth-host=scram-sha-256",
            "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{_root}'
            fsync = off
            full_page_writes = off
            max_connections = 200
            shared_buffers = 128MB
            wal_level = replica
            max_wal_senders = 10
            hot_standby = on
            hot_standby_feedback = on
            """);
    }

    private async Task CreateDatabaseAsync() =>
        await ExecuteAsync($"CREATE DATABASE {DatabaseName} OWNER {User}", database: "postgres");

    private Task PgCtlAsync(params string[] arguments) =>
        AsServerUserAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", DataDirectory, .. arguments]);

    private async Task SignalAllAsync(string signal)
    {
        var pidText = (await File.ReadAllLinesAsync(Path.Combine(DataDirectory, "postmaster.pid")))[0].Trim();
        var postmaster = int.Parse(pidText, System.Globalization.CultureInfo.InvariantCulture);
        var pids = new List<int> { postmaster };
        foreach (var stat in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(stat), out var pid))
            {
                continue;
            }

            try
            {
                var fields = (await File.ReadAllTextAsync(Path.Combine(stat, "stat"))).Split(") ")[1].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == postmaster)
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }

        await ProcessRunner.RunAsync("kill", [signal, .. pids.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }

    private static Task<string> AsServerUserAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : ProcessRunner.RunAsync(program, arguments);
}
