using Npgsql;
using Pitchey.LoadTests.Benchmarks;
using Pitchey.LoadTests.Seeding;

namespace Pitchey.Testing;

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

    /// <summary>The statements of indexes.sql, split the way the <c>bench</c> verb splits them.</summary>
    public static IReadOnlyList<string> IndexStatements() =>
        IndexStrategy.Split(File.ReadAllText(RepoPaths.Config("sql", "indexes.sql")));
}
