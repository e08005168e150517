using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.DatabaseInsight;

/// <summary>The database insight on a real primary and streaming replica, read through <c>/admin/db/*</c> with the key.</summary>
public sealed class RecommendationsTests(InsightEnvironment environment) : IClassFixture<InsightEnvironment>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PlantedProblems_AreRecommended_AUniqueIndexAndOneTheReplicaUses_AreNot()
    {
        // An index only the replica scans, a table read by sequential scans, and a failed
        // concurrent build (duplicate tags under a unique index) left invalid.
        await environment.Replica.ExecuteAsync("SET enable_seqscan = off; SET enable_bitmapscan = off; SELECT count(*) FROM insight_plain WHERE tag = 't1'");
        for (var i = 0; i < 5; i++)
        {
            await environment.Primary.ExecuteAsync("SELECT count(*) FROM insight_scanned WHERE label = 'l7'");
        }

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => environment.Primary.ExecuteAsync("CREATE UNIQUE INDEX CONCURRENTLY insight_invalid_idx ON insight_plain (tag)"));
        await using var gateway = await environment.StartGatewayAsync();

        // The statistics reach the views when each session ends; wait for a round that saw the replica's scan.
        var (recommendations, indexes) = await WaitForAsync(gateway, (r, i) =>
            Index(i, "public.insight_replica_idx") is { } replicaIndex && replicaIndex.GetProperty("scans").GetProperty("replica1").GetInt64() > 0
            && Kinds(r, "sequential-scans").Contains("public.insight_scanned")
            && Kinds(r, "invalid-index").Contains("public.insight_invalid_idx"));

        Assert.Contains("public.insight_unused_idx", Kinds(recommendations, "unused-index"));
        Assert.Contains("public.insight_code_idx", Kinds(recommendations, "duplicate-index"));
        Assert.DoesNotContain("public.insight_code_copy_idx", Kinds(recommendations, "duplicate-index"));
        Assert.DoesNotContain("public.insight_replica_idx", Kinds(recommendations, "unused-index"));
        Assert.DoesNotContain(Subjects(recommendations), s => s.Contains("insight_id_code_unique", StringComparison.Ordinal) || s.Contains("insight_plain_pkey", StringComparison.Ordinal));
        Assert.Equal(0, Index(indexes, "public.insight_replica_idx")!.Value.GetProperty("scans").GetProperty("primary").GetInt64());

        var unused = Item(recommendations, "unused-index", "public.insight_unused_idx");
        var sql = unused.GetProperty("sql").EnumerateArray().Select(s => s.GetString()!).ToArray();
        Assert.Equal("DROP INDEX CONCURRENTLY public.insight_unused_idx;", sql[0]);
        Assert.Contains("insight_plain", unused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("note", unused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("DROP INDEX CONCURRENTLY public.insight_invalid_idx;", Item(recommendations, "invalid-index", "public.insight_invalid_idx").GetProperty("sql")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, recommendations.GetProperty("hosts").GetArrayLength());
        Assert.All(recommendations.GetProperty("hosts").EnumerateArray(), h => Assert.True(h.GetProperty("pgStatStatements").GetProperty("available").GetBoolean()));
    }

    [Fact]
    public async Task ATunedQuery_OverItsThreshold_IsKeptWithItsRouteAndHost_AndItsTagReachesTheWorkload()
    {
        var settings = environment.GatewaySettings();
        settings["Database:SlowQueries:Queries:browse:ThresholdMs"] = "0";
        settings["Cache:Enabled"] = "false"; // three identical reads must be three queries, not a miss and two hits
        await using var gateway = await environment.StartGatewayAsync(settings);
        for (var i = 0; i < 3; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/pitches/browse/enhanced?genre=drama");
            response.EnsureSuccessStatusCode();
        }

        var slow = await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/db/slow-queries");
        var browse = slow.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(3, browse.Length);
        Assert.All(browse, q => Assert.Equal("browse", q.GetProperty("query").GetString()));
        Assert.All(browse, q =>
        {
            Assert.Equal("GET /api/pitches/browse/enhanced", q.GetProperty("route").GetString());
            Assert.Contains(q.GetProperty("host").GetString(), new[] { "primary", "replica1" });
            Assert.StartsWith("/* pitchey:route=browse */", q.GetProperty("sql").GetString(), StringComparison.Ordinal);
        });
        var text = slow.GetRawText();
        Assert.DoesNotContain("drama", text, StringComparison.Ordinal);

        using var reset = await gateway.Management.PostAsync("/admin/db/slow-queries/reset", null);
        Assert.Equal(3, (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cleared").GetInt32());
        Assert.Equal(0, (await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/db/slow-queries")).GetProperty("items").GetArrayLength());

        var (recommendations, _) = await WaitForAsync(gateway, (r, _) => Statements(r).Any(s => s.GetProperty("route").GetString() == "browse"));
        Assert.All(Statements(recommendations).Where(s => s.GetProperty("route").GetString() == "browse"),
            s => Assert.DoesNotContain("drama", s.GetProperty("query").GetString(), StringComparison.Ordinal));
    }

    private static async Task<(JsonElement Recommendations, JsonElement Indexes)> WaitForAsync(GatewayServer gateway, Func<JsonElement, JsonElement, bool> done)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (true)
        {
            var recommendations = await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/db/recommendations", bound.Token);
            var indexes = await gateway.Management.GetFromJsonAsync<JsonElement>("/admin/db/indexes", bound.Token);
            if (recommendations.GetProperty("sequence").GetInt64() > 0 && done(recommendations, indexes))
            {
                return (recommendations, indexes);
            }

            await Task.Delay(200, bound.Token);
        }
    }

    private static IEnumerable<JsonElement> Statements(JsonElement recommendations) =>
        recommendations.GetProperty("statements").ValueKind == JsonValueKind.Object
            ? recommendations.GetProperty("statements").EnumerateObject().SelectMany(h => h.Value.GetProperty("byTotal").EnumerateArray())
            : [];

    private static string[] Subjects(JsonElement recommendations) =>
        recommendations.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("subject").GetString()!).ToArray();

    private static string[] Kinds(JsonElement recommendations, string kind) =>
        recommendations.GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == kind)
            .Select(r => r.GetProperty("subject").GetString()!).ToArray();

    private static JsonElement Item(JsonElement recommendations, string kind, string subject) =>
        recommendations.GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == kind && r.GetProperty("subject").GetString() == subject);

    private static JsonElement? Index(JsonElement indexes, string name) =>
        indexes.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("index").GetString() == name).Select(i => (JsonElement?)i).FirstOrDefault();
}
