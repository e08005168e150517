namespace Pitchey.Migrations.Running;

/// <summary>A snapshot of a running build from <c>pg_stat_progress_create_index</c>.</summary>
public sealed record BuildProgress(string Phase, long BlocksDone, long BlocksTotal, long TuplesDone, long TuplesTotal, long LockersDone, long LockersTotal)
{
    /// <summary>0..1 within the current phase, or null when PostgreSQL reports no totals for it.</summary>
    public double? Fraction => BlocksTotal > 0 ? (double)BlocksDone / BlocksTotal
        : TuplesTotal > 0 ? (double)TuplesDone / TuplesTotal
        : LockersTotal > 0 ? (double)LockersDone / LockersTotal
        : null;
}
