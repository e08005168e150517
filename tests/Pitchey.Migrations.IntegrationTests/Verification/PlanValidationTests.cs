using Pitchey.Migrations.IntegrationTests.Running;
using Pitchey.Testing.Postgres;

namespace Pitchey.Migrations.IntegrationTests.Verification;

/// <summary>The validation apply runs by itself: each representative query planned before and after.</summary>
public sealed class PlanValidationTests(SchemaDatabase cluster) : IClassFixture<SchemaDatabase>
{
    [Fact]
    public async Task Apply_PlantedRegressions_AreReportedAfterwards_WithExitCode1()
    {
        await using var db = await TestDatabase.CreateAsync(cluster, pitches: 20_000);
        await db.ExecuteAsync("CREATE INDEX idx_pitches_title ON pitches (title); CREATE INDEX idx_pitches_created ON pitches (created_at); ANALYZE pitches");
        var (script, lint) = await db.LoadAsync("""
            CREATE INDEX CONCURRENTLY idx_pitches_status ON pitches (status);
            CREATE INDEX CONCURRENTLY idx_pitches_genre_created ON pitches (genre, created_at);
            -- query: by_title
            SELECT id FROM pitches WHERE title = 'title 33';
            -- query: recent_in_genre
            SELECT id FROM pitches WHERE genre = 'genre3' AND created_at > now() - interval '10 minutes';
            -- query: by_status
            SELECT count(*) FROM pitches WHERE status = 'published';
            """);
        // Someone drops an index a representative query relies on while the migration runs.
        var reporter = new RecordingReporter
        {
            OnFinished = step =>
            {
                if (step.Index?.Name == "idx_pitches_status")
                {
                    db.ExecuteAsync("DROP INDEX idx_pitches_title").GetAwaiter().GetResult();
                }
            },
        };

        var result = await db.Runner(reporter).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal((2, 3, 1), (result.Built, result.QueriesValidated, result.ExitCode));
        var dropped = Assert.Single(result.Regressions, r => r.Query == "by_title");
        Assert.Equal(["idx_pitches_title"], dropped.Before.IndexesUsed);
        Assert.Matches(@"^estimated cost grew from [\d.]+ to [\d.]+ \(\+\d+ %\); no longer uses idx_pitches_title \(now scans pitches sequentially\)$", dropped.Problem);
        var displaced = Assert.Single(result.Regressions, r => r.Query == "recent_in_genre");
        Assert.Equal("no longer uses idx_pitches_created (now uses idx_pitches_genre_created)", displaced.Problem);
        Assert.Equal(2, result.Regressions.Count);
        var run = await db.LastRunAsync();
        Assert.Equal((3, 2), (run.QueriesValidated, run.Regressions));
    }

    [Fact]
    public async Task Apply_QueryGainsItsIndex_IsNoRegression()
    {
        await using var db = await TestDatabase.CreateAsync(cluster, pitches: 20_000);
        var (script, lint) = await db.LoadAsync("""
            CREATE INDEX CONCURRENTLY idx_pitches_title ON pitches (title);
            -- query: by_title
            SELECT id FROM pitches WHERE title = 'title 33';
            """);

        var result = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);

        Assert.Equal((1, 0), (result.QueriesValidated, result.ExitCode));
        Assert.Empty(result.Regressions);
    }
}
