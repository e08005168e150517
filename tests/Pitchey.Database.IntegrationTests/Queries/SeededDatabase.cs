using Pitchey.LoadTests.Seeding;
using Pitchey.Testing.Postgres;

namespace Pitchey.Database.IntegrationTests.Queries;

/// <summary>
/// One primary seeded once, 100,000 pitches (big enough that a sequential scan is clearly the
/// planner's worse choice), with the real index strategy; shared by the <see cref="SeededDatabaseCollection"/>.
/// </summary>
public sealed class SeededDatabase() : DatabaseEnvironment(new DatabaseRecipe
{
    Seed = new SeedPlan(Users: 5_000, Pitches: 100_000, Sessions: 20_000, Views: 0),
    Indexes = true,
});
