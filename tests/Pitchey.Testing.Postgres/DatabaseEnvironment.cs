using Npgsql;
using Pitchey.LoadTests.Seeding;

namespace Pitchey.Testing.Postgres;

/// <summary>
/// Real PostgreSQL for a test, built from a <see cref="DatabaseRecipe"/>. As an xunit fixture
/// (a one-line subclass naming its recipe) it is shared by a class or a collection; a test that
/// stops or freezes its clusters owns one instead: <c>await using var env = await DatabaseEnvironment.StartAsync(recipe)</c>.
/// Disposal stops everything it started, replicas first.
/// </summary>
public class DatabaseEnvironment : IAsyncLifetime, IAsyncDisposable
{
    private readonly List<PostgresCluster> _replicas = [];
    private PostgresCluster? _primary;
    private SeedResult? _seed;
    private NpgsqlDataSource? _dataSource;
    private int _databases;
    private bool _disposed;

    public DatabaseEnvironment(DatabaseRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        DatabaseRecipe = recipe;
    }

    public DatabaseRecipe DatabaseRecipe { get; }

    public PostgresCluster Primary => _primary ?? throw new InvalidOperationException("the environment has not started");

    public IReadOnlyList<PostgresCluster> Replicas => _replicas;

    /// <summary>The first replica.</summary>
    public PostgresCluster Replica => _replicas.Count > 0 ? _replicas[0] : throw new InvalidOperationException("the recipe has no replica");

    /// <summary>What the seeder wrote (the session tokens among it).</summary>
    public SeedResult Seed => _seed ?? throw new InvalidOperationException("the recipe has no seed plan");

    /// <summary>A pooled data source on the primary, made on first use. Its idle connections keep the <c>pitchey</c> database busy, so it does not mix with <see cref="CreateDatabaseAsync"/>.</summary>
    public NpgsqlDataSource DataSource => _dataSource ??= NpgsqlDataSource.Create(Primary.ConnectionString);

    /// <summary>Starts an environment a single test owns; dispose it with <c>await using</c>.</summary>
    public static Task<DatabaseEnvironment> StartAsync(DatabaseRecipe recipe) => StartAsync(new DatabaseEnvironment(recipe));

    /// <summary>The database module's settings for these clusters: <c>Database:Primary</c> and one <c>Database:Replicas:N</c> per replica.</summary>
    public Dictionary<string, string?> DatabaseSettings()
    {
        var settings = new Dictionary<string, string?> { ["Database:Primary"] = Primary.ConnectionString };
        for (var i = 0; i < _replicas.Count; i++)
        {
            settings[$"Database:Replicas:{i}"] = _replicas[i].ConnectionString;
        }

        return settings;
    }

    /// <summary>
    /// A database of one test's own on the primary: a copy (<c>CREATE DATABASE ... TEMPLATE</c>) of
    /// <c>pitchey</c> as the recipe left it. Gives its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string applicationName = "pitchey-test")
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        await Primary.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {PostgresCluster.DatabaseName}", "postgres");
        return new NpgsqlConnectionStringBuilder(Primary.ConnectionString) { Database = name, ApplicationName = applicationName }.ConnectionString;
    }

    public async Task InitializeAsync()
    {
        try
        {
            await StartPartsAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopPartsAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>Builds the recipe; a subclass starts its own parts after these.</summary>
    protected virtual async Task StartPartsAsync()
    {
        _primary = await PostgresCluster.StartAsync(DatabaseRecipe.Schema, DatabaseRecipe.PgStatStatements);
        if (DatabaseRecipe.Seed is { } plan)
        {
            _seed = await TestData.SeedAsync(_primary, plan);
        }

        if (DatabaseRecipe.Indexes)
        {
            await TestData.ApplyIndexesAsync(_primary);
        }

        if (DatabaseRecipe.Setup is { } setup)
        {
            await _primary.ExecuteAsync(setup);
        }

        for (var i = 0; i < DatabaseRecipe.Replicas; i++)
        {
            _replicas.Add(await _primary.StartReplicaAsync());
        }
    }

    /// <summary>Stops what was started, whatever got that far; a subclass stops its own parts first.</summary>
    protected virtual async Task StopPartsAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        for (var i = _replicas.Count - 1; i >= 0; i--)
        {
            await _replicas[i].DisposeAsync();
        }

        if (_primary is not null)
        {
            await _primary.DisposeAsync();
        }
    }

    /// <summary>Initializes <paramref name="environment"/> for a test that owns it (a failed start cleans up after itself).</summary>
    protected static async Task<T> StartAsync<T>(T environment)
        where T : DatabaseEnvironment
    {
        ArgumentNullException.ThrowIfNull(environment);
        await environment.InitializeAsync();
        return environment;
    }
}
