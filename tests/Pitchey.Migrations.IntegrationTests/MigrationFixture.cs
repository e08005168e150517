using Npgsql;
using Pitchey.Testing.Postgres;

namespace Pitchey.Migrations.IntegrationTests;

/// <summary>One PostgreSQL cluster per test class; each test gets its own database cloned from the schema.</summary>
public sealed class MigrationFixture : IAsyncLifetime
{
    private int _databases;

    public PostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A fresh database with the schema, one user and <paramref name="pitches"/> pitches.</summary>
    internal async Task<TestDatabase> CreateDatabaseAsync(int pitches = 100)
    {
        var name = $"mig_{Interlocked.Increment(ref _databases)}";
        await Cluster.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {PostgresCluster.DatabaseName}", "postgres");
        var connectionString = new NpgsqlConnectionStringBuilder(Cluster.ConnectionString) { Database = name, ApplicationName = "migrate-test" }.ConnectionString;
        var database = new TestDatabase(connectionString, NpgsqlDataSource.Create(connectionString));
        await database.ExecuteAsync($"""
            INSERT INTO users (email, username, password_hash) VALUES ('a@example.com', 'a', 'x');
            INSERT INTO pitches (user_id, title, status, genre, created_at)
            SELECT 1, 'title ' || g, CASE WHEN g % 3 = 0 THEN 'published' ELSE 'draft' END, 'genre' || (g % 10), now() - g * interval '1 minute'
            FROM generate_series(1, {pitches}) g;
            ANALYZE;
            """);
        return database;
    }
}
