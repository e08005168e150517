using Pitchey.Database.Insight;

namespace Pitchey.Database.Tests.Insight;

/// <summary>Made-up snapshots for the rules: a primary and replicas whose statistics count since a month ago, and a catalog.</summary>
internal static class Snapshots
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static HostWorkload Host(
        string name,
        IReadOnlyList<IndexScans>? indexes = null,
        IReadOnlyList<TableScans>? tables = null,
        IReadOnlyList<SessionInfo>? sessions = null,
        IReadOnlyList<StatementStat>? statements = null,
        StatementsStatus? status = null,
        TimeSpan? statisticsAge = null,
        bool replica = false) =>
        new(name, "127.0.0.1:5432", null, replica, 150000, Now, new StatisticsWindow(Now - (statisticsAge ?? TimeSpan.FromDays(30)), "server start"),
            status ?? new StatementsStatus(true, true, "pg_stat_statements", null), statements ?? [], statements ?? [],
            indexes ?? [], tables ?? [], sessions ?? []);

    public static IndexFacts Index(
        long oid, string name, string keys, bool unique = false, bool constraint = false, bool valid = true, bool building = false,
        long size = 50_000_000, string method = "btree", string? predicate = null, string table = "pitches")
    {
        var elements = keys.Split(',');
        return new IndexFacts(oid, "public", table, name, method, unique, false, constraint, false, valid, valid, building, size,
            $"CREATE {(unique ? "UNIQUE " : "")}INDEX {name} ON public.{table} USING {method} ({string.Join(", ", elements)})",
            elements, [.. elements.Select(e => e + " 1978 0 0")], [], predicate);
    }

    public static CatalogFacts Catalog(IReadOnlyList<IndexFacts>? indexes = null, IReadOnlyList<SequenceFacts>? sequences = null, long xidAge = 1000) =>
        new(indexes ?? [], sequences ?? [], new TransactionIdFacts(xidAge, 200_000_000, [new TableAge("public", "pitches", xidAge)]));

    public static WorkloadSnapshot Snapshot(HostWorkload primary, CatalogFacts? catalog = null, params HostWorkload[] replicas) =>
        new(Now, primary, replicas, catalog ?? Catalog(), null);

    public static TableScans Table(long oid, string name, long rows, long seq, long idx, long modified = 0, DateTimeOffset? analyzed = null) =>
        new(oid, "public", name, seq, seq * rows, idx, rows, rows, modified, analyzed ?? Now.AddHours(-1), rows * 100);

    public static IReadOnlyList<Recommendation> Evaluate(WorkloadSnapshot snapshot, InsightOptions? options = null) =>
        RecommendationEngine.Evaluate(snapshot, options ?? new InsightOptions()).Recommendations;
}
