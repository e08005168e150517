using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary>A small seeded database with the index strategy, a stand-in API, and one gateway in front of both.</summary>
public sealed class ApiEndpointsEnvironment() : GatewayEnvironment(new GatewayRecipe
{
    Database = new DatabaseRecipe { Seed = new SeedPlan(Users: 500, Pitches: 3_000, Sessions: 300, Views: 0), Indexes = true },
    StandIn = true,
    Gateway = true,
});
