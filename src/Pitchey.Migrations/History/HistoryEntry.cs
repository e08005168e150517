namespace Pitchey.Migrations.History;

/// <summary>One row of <c>pitchey_migrations.history</c>: one attempt at one step.</summary>
public sealed record HistoryEntry(
    long Step,
    string FileName,
    int Phase,
    string Checksum,
    string Kind,
    string? IndexName,
    string? TableName,
    string Statement,
    string Status,
    bool CreatedIndex,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    long? Run = null);
