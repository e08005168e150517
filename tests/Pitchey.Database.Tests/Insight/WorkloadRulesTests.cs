using Pitchey.Database.Insight;
using static Pitchey.Database.Tests.Insight.Snapshots;

namespace Pitchey.Database.Tests.Insight;

public sealed class WorkloadRulesTests
{
    [Fact]
    public void ATableReadMostlySequentially_OnAnyHost_IsNamed_SmallOrIndexedOnesAreNot()
    {
        var primary = Host("primary", tables: [Table(1, "views", 50_000, seq: 10, idx: 90), Table(2, "tiny", 100, seq: 1000, idx: 0), Table(3, "users", 50_000, seq: 1, idx: 1000)]);
        var replica = Host("replica1", tables: [Table(1, "views", 0, seq: 40, idx: 0), Table(3, "users", 0, seq: 0, idx: 1000)], replica: true);

        var advice = Assert.Single(Evaluate(Snapshot(primary, null, replica)), r => r.Kind == RecommendationKinds.SequentialScans);

        Assert.Equal("public.views", advice.Subject);
        Assert.Equal(0.6429, advice.Evidence["indexShare"]);
        Assert.Equal(new Dictionary<string, long> { ["primary"] = 10, ["replica1"] = 40 }, advice.Evidence["sequentialScans"]);
    }

    [Fact]
    public void NeverAnalysedOrMuchChangedTables_HaveStaleStatistics()
    {
        var primary = Host("primary", tables:
        [
            new TableScans(1, "public", "fresh", 0, 0, 0, 20_000, 20_000, 100, Now, 1),
            new TableScans(2, "public", "never", 0, 0, 0, 20_000, 0, 0, null, 1),
            new TableScans(3, "public", "churned", 0, 0, 0, 20_000, 20_000, 8_000, Now, 1),
        ]);

        var advice = Evaluate(Snapshot(primary)).Where(r => r.Kind == RecommendationKinds.StaleStatistics).ToArray();

        Assert.Equal(["public.never", "public.churned"], advice.Select(r => r.Subject));
        Assert.Equal(["ANALYZE public.never;"], advice[0].Sql);
    }

    [Fact]
    public void ASequenceNearItsColumnsLimit_IsNamedWithTheTypeChange()
    {
        var sequences = new[]
        {
            new SequenceFacts("public", "pitches_id_seq", 2_000_000_000, long.MaxValue, 1, "bigint", "pitches", "id", "integer"),
            new SequenceFacts("public", "users_id_seq", 10, long.MaxValue, 1, "bigint", "users", "id", "bigint"),
        };

        var advice = Assert.Single(Evaluate(Snapshot(Host("primary"), Catalog(sequences: sequences))), r => r.Kind == RecommendationKinds.SequenceNearMax);

        Assert.Equal("public.pitches_id_seq", advice.Subject);
        Assert.Equal("column type integer", advice.Evidence["limitedBy"]);
        Assert.StartsWith("ALTER TABLE public.pitches ALTER COLUMN id TYPE bigint;", advice.Sql[0], StringComparison.Ordinal);
    }

    [Fact]
    public void FewTransactionIdsLeft_IsCritical_WithTheOldestTablesToFreeze()
    {
        var advice = Assert.Single(Evaluate(Snapshot(Host("primary"), Catalog(xidAge: 2_140_000_000))), r => r.Kind == RecommendationKinds.TransactionIdAge);

        Assert.Equal(RecommendationSeverity.Critical, advice.Severity);
        Assert.Equal(6_483_648L, advice.Evidence["transactionIdsLeft"]);
        Assert.Equal(["VACUUM (FREEZE, VERBOSE) public.pitches;"], advice.Sql);
        Assert.Equal(RecommendationSeverity.Critical, Evaluate(Snapshot(Host("primary"), Catalog(xidAge: 2_140_000_000)))[0].Severity);
    }

    [Fact]
    public void SlowStatements_ArePgHeros_AtLeast100CallsAndA20msMean_PerHost()
    {
        StatementStat[] statements =
        [
            new(11, "/* pitchey:route=browse */ SELECT $1", "browse", 500, 25_000, 50, 500),
            new(12, "SELECT $1", null, 50, 5_000, 100, 50),
            new(13, "SELECT $2", null, 10_000, 10_000, 1, 10_000),
        ];

        var advice = Evaluate(Snapshot(Host("primary"), null, Host("replica1", statements: statements, replica: true)))
            .Where(r => r.Kind == RecommendationKinds.SlowStatement).ToArray();

        var slow = Assert.Single(advice);
        Assert.Equal("11", slow.Subject);
        Assert.Equal("replica1", slow.Host);
        Assert.Equal("browse", slow.Evidence["route"]);
        Assert.StartsWith("-- EXPLAIN (ANALYZE, BUFFERS)", slow.Sql[0], StringComparison.Ordinal);
    }

    [Fact]
    public void LongQueriesAndIdleTransactions_AreNamedByHostAndPid_MaintenanceIsNot()
    {
        SessionInfo[] sessions =
        [
            new(101, "app", "api", "active", null, Now.AddMinutes(-5), Now.AddMinutes(-5), Now.AddMinutes(-5), "SELECT pg_sleep($1)"),
            new(102, "app", "api", "idle in transaction", "Client:ClientRead", Now.AddMinutes(-3), Now.AddMinutes(-3), Now.AddMinutes(-2), "UPDATE t SET x = $1"),
            new(103, "app", "migrate", "active", null, Now.AddHours(-1), Now.AddHours(-1), Now.AddHours(-1), "/* x */ CREATE INDEX CONCURRENTLY i ON t (x)"),
            new(104, "app", "api", "active", null, Now, Now.AddSeconds(-5), Now.AddSeconds(-5), "SELECT $1"),
        ];

        var advice = Evaluate(Snapshot(Host("primary", sessions: sessions)));

        var query = Assert.Single(advice, r => r.Kind == RecommendationKinds.LongRunningQuery);
        var idle = Assert.Single(advice, r => r.Kind == RecommendationKinds.IdleInTransaction);
        Assert.Equal("pid 101", query.Subject);
        Assert.Equal("SELECT pg_cancel_backend(101);", query.Sql[0]);
        Assert.Equal("SELECT pg_terminate_backend(102);", idle.Sql[0]);
        Assert.Equal(120d, idle.Evidence["seconds"]);
    }

    [Fact]
    public void WithoutPgStatStatements_TheHintKeepsTheLibrariesAlreadyPreloaded()
    {
        var primary = Host("primary", status: new StatementsStatus(false, false, "auto_explain", "pg_stat_statements is not installed"));
        var replica = Host("replica1", status: new StatementsStatus(false, false, "", "pg_stat_statements is not installed"), replica: true);

        var advice = Evaluate(Snapshot(primary, null, replica)).Where(r => r.Kind == RecommendationKinds.StatementsMissing).ToArray();

        Assert.Equal(
            ["ALTER SYSTEM SET shared_preload_libraries = 'auto_explain,pg_stat_statements';  -- then restart PostgreSQL on primary", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;"],
            advice[0].Sql);
        Assert.Equal("replica1", advice[1].Host);
        Assert.Equal("-- CREATE EXTENSION pg_stat_statements on the primary: it reaches this replica by replication", advice[1].Sql[1]);
    }
}
