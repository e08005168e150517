using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>
/// A small seeded database with the index strategy and pg_stat_statements (so a test can count the
/// statements a burst of requests cost PostgreSQL), and a stand-in API. Each test starts the
/// gateways it needs in front of them.
/// </summary>
public sealed class CacheEnvironment() : GatewayEnvironment(new GatewayRecipe
{
    Database = new DatabaseRecipe { Seed = new SeedPlan(Users: 300, Pitches: 2_000, Sessions: 200, Views: 0), Indexes = true },
    StandIn = true,
})
{
    /// <summary>Calls so far of the statements whose text holds <paramref name="fragment"/>.</summary>
    public Task<long> StatementCallsAsync(string fragment) =>
        Primary.ScalarAsync<long>("SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE query LIKE '%' || $1 || '%'", fragment);

    protected override async Task StartPartsAsync()
    {
        await base.StartPartsAsync();
        await Primary.ExecuteAsync("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
        await Primary.StopAsync();
        await Primary.StartServerAsync();
        await Primary.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
}
