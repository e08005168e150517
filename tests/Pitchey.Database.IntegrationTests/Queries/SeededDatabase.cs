using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Pitchey.Database.Queries;
using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Queries;

/// <summary>
/// One PostgreSQL cluster seeded once (100,000 pitches: big enough that a sequential scan is
/// clearly the planner's worse choice) with the real seeder and the real index strategy, shared by
/// every test of the <see cref="SeededDatabaseCollection"/>.
/// </summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public static readonly SeedPlan Plan = new(Users: 5_000, Pitches: 100_000, Sessions: 20_000, Views: 0);

    public PostgresCluster Cluster { get; private set; } = null!;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public SeedResult Seed { get; private set; } = null!;

    public IOptions<TunedQueryOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new TunedQueryOptions());

    public async Task InitializeAsync()
    {
        Cluster = await PostgresCluster.StartAsync();
        Seed = await TestData.SeedAsync(Cluster, Plan);
        await TestData.ApplyIndexesAsync(Cluster);
        DataSource = NpgsqlDataSource.Create(Cluster.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Cluster.DisposeAsync();
    }

    public async Task<List<long>> IdsAsync(string sql, params object?[] values)
    {
        await using var command = Command(sql, values);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object?[] values)
    {
        await using var command = Command(sql, values);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every plan node of <c>EXPLAIN (FORMAT JSON)</c> for a statement with positional parameters.</summary>
    public async Task<List<JsonElement>> PlanNodesAsync(string sql, params object?[] values)
    {
        var json = await ScalarAsync<string>("EXPLAIN (FORMAT JSON) " + sql, values);
        var nodes = new List<JsonElement>();
        void Walk(JsonElement node)
        {
            nodes.Add(node);
            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child);
                }
            }
        }

        Walk(JsonDocument.Parse(json).RootElement[0].GetProperty("Plan").Clone());
        return nodes;
    }

    private NpgsqlCommand Command(string sql, object?[] values)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}

[CollectionDefinition(Name)]
public sealed class SeededDatabaseCollection : ICollectionFixture<SeededDatabase>
{
    public const string Name = "seeded query database";
}
