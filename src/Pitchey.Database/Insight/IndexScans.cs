namespace Pitchey.Database.Insight;

/// <summary>An index's scans on one host (<c>pg_stat_user_indexes.idx_scan</c>); the oid is the same on every host of a streaming cluster.</summary>
public sealed record IndexScans(long IndexOid, long Scans);
