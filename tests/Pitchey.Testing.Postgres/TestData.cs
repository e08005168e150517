using Npgsql;
using Pitchey.LoadTests.Seeding;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Testing.Postgres;

/// <summary>Test data through the real seeder, and the real index strategy from config/sql/indexes.sql.</summary>
public static class TestData
{
    public static async Task<SeedResult> SeedAsync(PostgresCluster cluster, SeedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString + ";Command Timeout=0");
        return await new DataSeeder(dataSource, TimeProvider.System).RunAsync(plan, CancellationToken.None);
    }

    /// <summary>Runs indexes.sql one statement at a time (CREATE INDEX CONCURRENTLY refuses a transaction).</summary>
    public static async Task ApplyIndexesAsync(PostgresCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var statement in IndexStatements())
        {
            await cluster.ExecuteAsync(statement);
        }

        await cluster.ExecuteAsync("ANALYZE");
    }

    /// <summary>The statements of indexes.sql, split by the migration engine's parser (the one <c>migrate apply</c> uses).</summary>
    public static IReadOnlyList<string> IndexStatements() =>
        [.. MigrationScript.Parse(File.ReadAllText(RepoPaths.Config("sql", "indexes.sql")), "indexes.sql").Steps.Select(step => step.Text)];
}
