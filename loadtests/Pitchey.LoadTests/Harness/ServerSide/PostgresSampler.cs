using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.ServerSide;

/// <summary>
/// The database's side of a run: transactions from <c>pg_stat_database</c> and, where
/// <c>pg_stat_statements</c> is installed, calls and execution time per statement. PostgreSQL
/// publishes a backend's counts at most once a second and, once the backend is idle, up to 10 s
/// later, so the end is read <see cref="StatisticsSettle"/> after the last response. Each read runs on
/// a connection of its own that ends at once (a backend's counts are published when it exits),
/// without type loading, so the sampler's own transactions are known (those of the start read after
/// its snapshot: one, two with the extension) and taken off. With a
/// warm-up the start read can miss up to a second of warm-up transactions, which then count in.
/// </summary>
internal sealed class PostgresSampler : IServerSideSampler
{
    /// <summary>PostgreSQL's idle statistics interval (PGSTAT_IDLE_INTERVAL, 10 s) and a margin.</summary>
    public static readonly TimeSpan StatisticsSettle = TimeSpan.FromSeconds(11);

    /// <summary>Statements listed in the report, most total time first.</summary>
    public const int TopStatements = 15;

    private const string Marker = "/* pitchey-run sampler */";
    private const string NoExtension =
        "pg_stat_statements is not installed: per-statement figures are left out " +
        "(shared_preload_libraries = 'pg_stat_statements', then CREATE EXTENSION pg_stat_statements)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _settle;
    private PostgresSnapshot? _start;
    private string _title = "PostgreSQL";
    private string? _failure;
    private string? _statementsNote;
    private int _readTransactions;
    private int _ownTransactions;

    /// <param name="connectionString">Never printed; the report names the database only.</param>
    /// <param name="settle">Wait before the end read (tests that need no transaction counts shorten it).</param>
    public PostgresSampler(string connectionString, TimeSpan? settle = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Pooling = false;
        builder.ConnectionStringBuilder.ApplicationName = "pitchey-run-sampler";
        builder.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        _dataSource = builder.Build();
        _title = $"PostgreSQL database {builder.ConnectionStringBuilder.Database}";
        _settle = settle ?? StatisticsSettle;
    }

    public string Name => "postgres";

    /// <summary>Every statement counted during the window, after <see cref="StopAsync"/> (the report keeps the top <see cref="TopStatements"/>); empty without pg_stat_statements.</summary>
    public IReadOnlyList<StatementReport> AllStatements { get; private set; } = [];

    /// <summary>How long <see cref="StopAsync"/> waits before it reads (the run says so on the console).</summary>
    public TimeSpan Settle => _settle;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _start = await ReadAsync(cancellationToken);
        _ownTransactions = _readTransactions;
    }

    public async Task<ServerSideReport> StopAsync(CancellationToken cancellationToken)
    {
        if (_start is null)
        {
            return ServerSideReport.Unavailable(Name, _title, _failure ?? "not read");
        }

        await Task.Delay(_settle, cancellationToken);
        var end = await ReadAsync(cancellationToken);
        if (end is null)
        {
            return ServerSideReport.Unavailable(Name, _title, _failure ?? "not read");
        }

        var counters = new List<ServerCounter> { new("transactions", Math.Max(0, end.Transactions - _start.Transactions - _ownTransactions), PerRequest: true) };
        var statements = new List<StatementReport>();
        if (_start.Statements is { } before && end.Statements is { } after)
        {
            foreach (var (id, (query, calls, totalMs)) in after)
            {
                var (_, oldCalls, oldMs) = before.TryGetValue(id, out var old) ? old : ("", 0L, 0.0);
                if (calls > oldCalls)
                {
                    var ms = totalMs - oldMs;
                    statements.Add(new StatementReport(query, calls - oldCalls, Math.Round(ms, 3), Math.Round(ms / (calls - oldCalls), 4)));
                }
            }

            counters.Add(new ServerCounter("queries", statements.Sum(statement => statement.Calls), PerRequest: true));
            AllStatements = [.. statements];
            statements = [.. statements.OrderByDescending(statement => statement.TotalMs).Take(TopStatements)];
        }

        return new ServerSideReport(Name, _title, true, _statementsNote, counters, statements);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<PostgresSnapshot?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new($"{Marker} SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"),
                    new($"{Marker} SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'"),
                },
            };
            long transactions;
            bool installed;
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                transactions = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : 0;
                await reader.NextResultAsync(cancellationToken);
                installed = await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) > 0;
            }

            // The batch is one implicit transaction; the statements query another.
            _readTransactions = installed ? 2 : 1;
            return new PostgresSnapshot(transactions, installed ? await StatementsAsync(connection, cancellationToken) : NoStatements(NoExtension));
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            _failure = $"the database could not be read: {DatabaseErrors.Describe(exception)}";
            return null;
        }
    }

    private async Task<IReadOnlyDictionary<long, (string, long, double)>?> StatementsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(
                $"""
                {Marker} SELECT queryid, left(query, {StatementReport.QueryLength}), calls, total_exec_time FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND queryid IS NOT NULL
                  AND query NOT LIKE '%pitchey-run sampler%'
                """, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var statements = new Dictionary<long, (string, long, double)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                // One query id can have several rows (users, top-level or nested); they add up.
                var id = reader.GetInt64(0);
                var (_, calls, ms) = statements.TryGetValue(id, out var seen) ? seen : ("", 0L, 0.0);
                statements[id] = (reader.GetString(1), calls + reader.GetInt64(2), ms + reader.GetDouble(3));
            }

            return statements;
        }
        catch (PostgresException exception)
        {
            // Created but not preloaded: "pg_stat_statements must be loaded via shared_preload_libraries".
            return NoStatements($"pg_stat_statements cannot be read ({exception.MessageText}): per-statement figures are left out");
        }
    }

    private IReadOnlyDictionary<long, (string, long, double)>? NoStatements(string note)
    {
        _statementsNote = note;
        return null;
    }
}
