using Pitchey.Database.Insight;
using static Pitchey.Database.Tests.Insight.Snapshots;

namespace Pitchey.Database.Tests.Insight;

public sealed class IndexRulesTests
{
    private static readonly IndexFacts Unused = Index(1, "pitches_title_idx", "title");

    [Fact]
    public void AnIndexNoHostScanned_IsUnused_WithDropConcurrentlyNamingWhatItWasFor()
    {
        var snapshot = Snapshot(Host("primary", [new(1, 0)]), Catalog([Unused]), Host("replica1", [new(1, 0)], replica: true));

        var advice = Assert.Single(Evaluate(snapshot), r => r.Kind == RecommendationKinds.UnusedIndex);

        Assert.Equal("public.pitches_title_idx", advice.Subject);
        Assert.Equal(["DROP INDEX CONCURRENTLY public.pitches_title_idx;", "-- to undo: CREATE INDEX CONCURRENTLY pitches_title_idx ON public.pitches USING btree (title);"], advice.Sql);
        Assert.Contains("pitches (title)", advice.Title, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, long?> { ["primary"] = 0, ["replica1"] = 0 }, advice.Evidence["scans"]);
    }

    [Fact]
    public void AnIndexOnlyAReplicaScans_IsNotUnused()
    {
        var snapshot = Snapshot(Host("primary", [new(1, 0)]), Catalog([Unused]), Host("replica1", [new(1, 3)], replica: true));

        Assert.DoesNotContain(Evaluate(snapshot), r => r.Kind == RecommendationKinds.UnusedIndex);
    }

    [Fact]
    public void UniqueConstraintSmallOrInvalidIndexes_AreNeverUnused()
    {
        var indexes = new[]
        {
            Index(1, "users_email_key", "email", unique: true, constraint: true),
            Index(2, "orders_user_fk_idx", "user_id", constraint: true),
            Index(3, "tiny_idx", "x", size: 8192),
        };
        var snapshot = Snapshot(Host("primary", [new(1, 0), new(2, 0), new(3, 0)]), Catalog(indexes));

        Assert.DoesNotContain(Evaluate(snapshot, new InsightOptions { UnusedIndexMinBytes = 10_000 }), r => r.Kind == RecommendationKinds.UnusedIndex);
    }

    [Fact]
    public void AReplicaThatCannotBeRead_OrYoungStatistics_WithholdUnusedIndexAdvice_WithANote()
    {
        var unreadable = Snapshot(Host("primary", [new(1, 0)]), Catalog([Unused]), HostWorkload.Failed("replica1", "127.0.0.1:5434", "database unreachable", Now));
        var young = Snapshot(Host("primary", [new(1, 0)], statisticsAge: TimeSpan.FromHours(2)), Catalog([Unused]));

        var (first, firstNotes) = RecommendationEngine.Evaluate(unreadable, new InsightOptions());
        var (second, secondNotes) = RecommendationEngine.Evaluate(young, new InsightOptions());

        Assert.DoesNotContain(first, r => r.Kind == RecommendationKinds.UnusedIndex);
        Assert.Contains("unused-index advice withheld: replica1 could not be read, and an index may be used there", firstNotes);
        Assert.DoesNotContain(second, r => r.Kind == RecommendationKinds.UnusedIndex);
        Assert.Contains(
            "unused-index advice withheld: the statistics of primary count only since server start 7200 s ago (Database:Insight:MinimumStatisticsAge is 604800 s)",
            secondNotes);
        Assert.Single(RecommendationEngine.Evaluate(young, new InsightOptions { MinimumStatisticsAge = TimeSpan.FromHours(1) }).Recommendations,
            r => r.Kind == RecommendationKinds.UnusedIndex);
    }

    [Fact]
    public void OfTwoIdenticalIndexes_OnlyTheLaterNameIsADuplicate_APrefixIsNamed_AUniqueOneIsKept()
    {
        var indexes = new[]
        {
            Index(1, "a_idx", "genre"),
            Index(2, "b_idx", "genre"),
            Index(3, "c_idx", "genre,created_at"),
            Index(4, "d_key", "format", unique: true, constraint: true),
            Index(5, "e_idx", "format"),
            Index(6, "f_idx", "status", predicate: "(status = 'published'::text)"),
            Index(7, "g_idx", "status"),
            Index(8, "h_idx", "genre", method: "hash"),
        };
        var scans = indexes.Select(i => new IndexScans(i.Oid, 100)).ToArray();

        var advice = Evaluate(Snapshot(Host("primary", scans), Catalog(indexes)));

        Assert.Equal(
            ["public.a_idx:public.c_idx", "public.b_idx:public.a_idx", "public.e_idx:public.d_key"],
            advice.Where(r => r.Kind is RecommendationKinds.DuplicateIndex or RecommendationKinds.PrefixIndex)
                .Select(r => $"{r.Subject}:{r.Evidence["coveredBy"]}").Order(StringComparer.Ordinal));
        Assert.Equal(RecommendationKinds.PrefixIndex, advice.Single(r => r.Subject == "public.a_idx").Kind);
        Assert.All(advice.Where(r => r.Kind == RecommendationKinds.DuplicateIndex), r => Assert.StartsWith("DROP INDEX CONCURRENTLY ", r.Sql[0], StringComparison.Ordinal));
    }

    [Fact]
    public void AnInvalidIndex_IsNamed_UnlessABuildIsWorkingOnItNow()
    {
        var indexes = new[] { Index(1, "failed_idx", "title", unique: true, valid: false), Index(2, "building_idx", "logline", valid: false, building: true) };

        var advice = Assert.Single(Evaluate(Snapshot(Host("primary"), Catalog(indexes))), r => r.Kind == RecommendationKinds.InvalidIndex);

        Assert.Equal("public.failed_idx", advice.Subject);
        Assert.Equal(["DROP INDEX CONCURRENTLY public.failed_idx;", "CREATE UNIQUE INDEX CONCURRENTLY failed_idx ON public.pitches USING btree (title);"], advice.Sql);
        Assert.Contains("duplicate values", advice.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryIndexAdvice_StartsItsEvidenceWithTheIndex_ItsTable_Key_DefinitionAndSize()
    {
        var indexes = new[] { Unused, Index(2, "pitches_title_copy_idx", "title"), Index(3, "failed_idx", "logline", valid: false) };

        var advice = Evaluate(Snapshot(Host("primary", [new(1, 0), new(2, 0)]), Catalog(indexes)))
            .Where(r => r.Kind is RecommendationKinds.UnusedIndex or RecommendationKinds.DuplicateIndex or RecommendationKinds.InvalidIndex)
            .ToArray();

        Assert.Equal(
            [RecommendationKinds.DuplicateIndex, RecommendationKinds.InvalidIndex, RecommendationKinds.UnusedIndex],
            advice.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.All(advice, r =>
        {
            Assert.Equal(["index", "table", "columns", "definition", "sizeBytes"], r.Evidence.Keys.Take(5));
            Assert.Equal(r.Subject, r.Evidence["index"]);
            Assert.Equal("public.pitches", r.Evidence["table"]);
            Assert.Equal(50_000_000L, r.Evidence["sizeBytes"]);
        });
    }
}
