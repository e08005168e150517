using Pitchey.LoadTests.Seeding;

namespace Pitchey.LoadTests.Benchmarks;

/// <summary>What <c>bench</c> was asked to do.</summary>
/// <param name="Plan">The data set to seed (ignored with <paramref name="SkipSeed"/>).</param>
/// <param name="Iterations">Runs per query with the index strategy; a tenth of them (at least 10) without.</param>
/// <param name="SkipSeed">Measure the data already in the database.</param>
/// <param name="SkipUnindexed">Measure only with the index strategy.</param>
/// <param name="Out">Also write the report here; null: only print it.</param>
internal sealed record BenchArguments(SeedPlan Plan, int Iterations, bool SkipSeed, bool SkipUnindexed, string? Out);
