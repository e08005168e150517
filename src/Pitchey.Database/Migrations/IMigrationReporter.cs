namespace Pitchey.Database.Migrations;

/// <summary>A snapshot of a running build from <c>pg_stat_progress_create_index</c>.</summary>
internal sealed record BuildProgress(string Phase, long BlocksDone, long BlocksTotal, long TuplesDone, long TuplesTotal, long LockersDone, long LockersTotal)
{
    /// <summary>0..1 within the current phase, or null when PostgreSQL reports no totals for it.</summary>
    public double? Fraction => BlocksTotal > 0 ? (double)BlocksDone / BlocksTotal
        : TuplesTotal > 0 ? (double)TuplesDone / TuplesTotal
        : LockersTotal > 0 ? (double)LockersDone / LockersTotal
        : null;
}

/// <summary>What the runner tells its caller while it works (the CLI prints it; tests record it).</summary>
internal interface IMigrationReporter
{
    void StepStarting(MigrationStatement step, string action);

    void StepSkipped(MigrationStatement step, string reason);

    void StepFinished(MigrationStatement step, string outcome);

    void Progress(MigrationStatement step, BuildProgress progress);

    void LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error);

    void Note(string message);
}
