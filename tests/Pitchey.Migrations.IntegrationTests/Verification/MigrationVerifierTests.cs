using Pitchey.Migrations.IntegrationTests.Running;
using Pitchey.Migrations.Verification;
using Pitchey.Testing.Postgres;

namespace Pitchey.Migrations.IntegrationTests.Verification;

public sealed class MigrationVerifierTests(SchemaDatabase cluster) : IClassFixture<SchemaDatabase>
{
    [Fact]
    public async Task Verify_ReportsUnusedIndexesAndLargeScans()
    {
        await using var db = await TestDatabase.CreateAsync(cluster, pitches: 20_000);
        var (script, lint) = await db.LoadAsync("""
            CREATE INDEX CONCURRENTLY idx_pitches_browse ON pitches (status, created_at DESC) WHERE status = 'published';
            CREATE INDEX CONCURRENTLY idx_pitches_genre ON pitches (genre);
            -- query: browse
            SELECT id, title FROM pitches WHERE status = 'published' ORDER BY created_at DESC LIMIT 20;
            -- query: search
            SELECT id FROM pitches WHERE title ILIKE '%night%' LIMIT 20;
            -- query: broken
            SELECT nope FROM pitches;
            """);
        var applied = await db.Runner(new RecordingReporter()).ApplyAsync(script, lint, phase: null, CancellationToken.None);
        Assert.Equal(2, applied.Built);
        await using var connection = await db.DataSource.OpenConnectionAsync();

        var report = await MigrationVerifier.VerifyAsync(connection, lint, script.Queries.ToList(), TestDatabase.Options.LargeTableRows, CancellationToken.None);

        Assert.Equal(["idx_pitches_browse"], report.Queries.Single(q => q.Name == "browse").IndexesUsed);
        Assert.Equal(["idx_pitches_genre"], report.UnusedIndexes);
        var scan = Assert.Single(report.LargeScans);
        Assert.Equal(("search", "pitches"), (scan.Query, scan.Table));
        Assert.Contains("42703", report.Queries.Single(q => q.Name == "broken").Error, StringComparison.Ordinal);
        Assert.Equal(2, report.ExitCode);
    }
}
