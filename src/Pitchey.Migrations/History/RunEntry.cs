using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.History;

/// <summary>One row of <see cref="MigrationHistory.RunsTableName"/>: one apply, how it ended and what it did to the database.</summary>
/// <param name="Phase">The <c>--phase</c> it was limited to, if any.</param>
/// <param name="Status"><c>running</c> (or killed), <c>done</c>, <c>failed</c>, <c>cancelled</c>.</param>
/// <param name="Impact">Time throttled and the peak figures seen.</param>
/// <param name="QueriesValidated">Representative queries planned before and after.</param>
/// <param name="Regressions">Of those, the ones whose plan got worse.</param>
/// <param name="StopReason">Why it stopped early (the failure, the limit, the budget); null when it finished.</param>
public sealed record RunEntry(
    long Run,
    string FileName,
    int? Phase,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    ImpactSummary Impact,
    int QueriesValidated,
    int Regressions,
    string? StopReason);
