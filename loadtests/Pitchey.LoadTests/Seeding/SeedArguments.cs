namespace Pitchey.LoadTests.Seeding;

/// <summary>What <c>seed</c> was asked to do.</summary>
/// <param name="Plan">The data set: the demo's or the benchmark's scale, with the counts given on the command line.</param>
/// <param name="TokensFile">Where to write the live demo tokens; null: nowhere.</param>
/// <param name="Reset">Empty the seeded tables first instead of refusing a database with data.</param>
internal sealed record SeedArguments(SeedPlan Plan, string? TokensFile, bool Reset);
