namespace Pitchey.Database.SlowQueries;

/// <summary>
/// A routed query that reached its threshold. <paramref name="Statements"/> hold normalised SQL
/// (<see cref="SqlNormalizer"/>) and parameter shapes only, never a value.
/// </summary>
/// <param name="Sequence">1 for the first slow query since start, then +1.</param>
/// <param name="Query">The tuned query's name (<c>browse</c>).</param>
/// <param name="Origin">The HTTP route that issued it (<c>GET /api/pitches/browse/enhanced</c>), or null for background work.</param>
/// <param name="Host">The host that answered (<c>primary</c>, <c>replica1</c>).</param>
public sealed record SlowQuery(
    long Sequence,
    DateTimeOffset At,
    string Query,
    string? Origin,
    string Host,
    double DurationMs,
    int ThresholdMs,
    IReadOnlyList<TracedStatement> Statements);
