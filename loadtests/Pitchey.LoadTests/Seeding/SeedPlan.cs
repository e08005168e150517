namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// How much data <see cref="DataSeeder"/> generates. Related tables scale with these:
/// follows about 7 per user, NDAs and NDA requests one per 5 pitches, investments one per 10 pitches.
/// </summary>
/// <param name="Users">Users (40% creators, 25% investors, 15% production, 20% viewers). At least <see cref="MinimumUsers"/>.</param>
/// <param name="Pitches">Pitches, owned by creators with a power-law skew.</param>
/// <param name="Sessions">Sessions, a third of them expired.</param>
/// <param name="Views">Rows of <c>pitch_views</c>.</param>
/// <param name="HashedTokens">Store the SHA-256 of each session token instead of the token.</param>
/// <param name="Seed">Seed of the data's pseudo-random choices (tokens always come from a CSPRNG).</param>
public sealed record SeedPlan(int Users, int Pitches, int Sessions, int Views, bool HashedTokens = false, int Seed = 42)
{
    /// <summary>The fewest users a data set can have: enough for creators, investors and the demo's tokens.</summary>
    public const int MinimumUsers = 10;

    /// <summary>The demo's small default: seeds in a few seconds.</summary>
    public static SeedPlan Demo { get; } = new(2_000, 20_000, 5_000, 50_000);

    /// <summary>The benchmark scale of the issue.</summary>
    public static SeedPlan Benchmark { get; } = new(100_000, 1_000_000, 1_000_000, 5_000_000);

    public int Follows => Users * 7;

    public int Ndas => Pitches / 5;

    public int NdaRequests => Pitches / 5;

    public int Investments => Pitches / 10;
}
