namespace Pitchey.Migrations.Throttling;

/// <summary>
/// One replica in a sample. <paramref name="Name"/> is its position (<c>replica 2</c>) and, from the
/// primary's view, its <c>application_name</c>: never a connection string.
/// </summary>
/// <param name="Lag">Replay lag; null when it could not be read (then <paramref name="Problem"/> says why).</param>
/// <param name="BytesBehind">WAL bytes the primary has written that the replica has not replayed, when known.</param>
public sealed record ReplicaFigure(string Name, TimeSpan? Lag, long? BytesBehind, string? Problem = null);
