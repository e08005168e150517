namespace Pitchey.LoadTests.Seeding;

/// <summary>What a seed run made: row counts, time taken, and live tokens to try the endpoints with.</summary>
/// <param name="CreatorTokens">Tokens of live sessions of active creators.</param>
/// <param name="OtherTokens">Tokens of live sessions of active investors.</param>
public sealed record SeedResult(
    IReadOnlyList<string> CreatorTokens, IReadOnlyList<string> OtherTokens, IReadOnlyList<(string Table, long Rows, TimeSpan Elapsed)> Steps,
    TimeSpan Elapsed);
