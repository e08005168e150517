using Npgsql;

namespace Pitchey.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster from the machine's own binaries: a temp folder, a free
/// loopback port, fsync off, removed on dispose. Run as the <c>postgres</c> user when the
/// tests run as root, since initdb refuses root. Streaming replicas and replay control:
/// <c>PostgresCluster.Replication.cs</c>.
/// </summary>
public sealed partial class PostgresCluster : IAsyncDisposable
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
    /// <param name="pgStatStatements">Preload <c>pg_stat_statements</c> and create the extension in <c>pitchey</c> (replicas inherit both).</param>
    public static async Task<PostgresCluster> StartAsync(bool applySchema = true, bool pgStatStatements = false)
    {
        var binDir = PostgresBinaries.Find();
        var root = Directory.CreateTempSubdirectory("pitchey-pg-").FullName;
        var cluster = new PostgresCluster(root, binDir, Loopback.FreePort());
        try
        {
            await cluster.InitAsync(pgStatStatements);
            await cluster.StartServerAsync();
            await cluster.CreateDatabaseAsync();
            if (pgStatStatements)
            {
                await cluster.ExecuteAsync("CREATE EXTENSION pg_stat_statements");
            }

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

    public async Task ExecuteAsync(string sql, string database = DatabaseName)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row (a test's reference query always has one); <paramref name="values"/> fill <c>$1</c>, <c>$2</c>, ... in order.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object?[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(DatabaseName));
        await connection.OpenAsync();
        await using var command = Command(sql, connection, values);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The first column of every row, as ids; <paramref name="values"/> fill <c>$1</c>, <c>$2</c>, ... in order.</summary>
    public async Task<List<long>> IdsAsync(string sql, params object?[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(DatabaseName));
        await connection.OpenAsync();
        await using var command = Command(sql, connection, values);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
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

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = false }.ConnectionString;

    private async Task InitAsync(bool pgStatStatements)
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
        if (pgStatStatements)
        {
            await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), "\nshared_preload_libraries = 'pg_stat_statements'\n");
        }
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
