using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// A small seeded database with the index strategy, the stand-in API and one gateway in front of both,
/// shared by the hot-reads and soak runs: enough genres, title words and live sessions for the
/// parameters to be real, small enough to seed in seconds.
/// </summary>
public sealed class TunedReadsEnvironment() : GatewayEnvironment(new GatewayRecipe
{
    Database = new DatabaseRecipe { Seed = new SeedPlan(Users: 200, Pitches: 1_500, Sessions: 100, Views: 0), Indexes = true },
    StandIn = true,
    Gateway = true,
});
