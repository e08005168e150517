using Pitchey.LoadTests.Benchmarks;

namespace Pitchey.LoadTests.Tests.Benchmarks;

public sealed class IndexStrategyTests
{
    [Fact]
    public void Split_CommentsAndBlankLines_OneEntryPerStatement()
    {
        var statements = IndexStrategy.Split("""
            -- browse: newest first
            CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON pitches (created_at DESC);

              -- search
            CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_b
                ON pitches USING gin (search_vector);
            """);

        Assert.Equal(
        [
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON pitches (created_at DESC)",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_b\n    ON pitches USING gin (search_vector)",
        ], statements);
    }

    [Fact]
    public void IndexNames_TheNameOfEachStatement()
    {
        var strategy = new IndexStrategy(IndexStrategy.Split(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON pitches (a);\ncreate unique index concurrently if not exists idx_b\n  ON users (b);"));

        Assert.Equal(["idx_a", "idx_b"], strategy.IndexNames);
    }

    [Fact]
    public void Split_ExtensionsAndRepresentativeQueries_RunsTheOneAndNeverTheOther()
    {
        var strategy = new IndexStrategy(IndexStrategy.Split("""
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_trgm ON pitches USING gin (title gin_trgm_ops);
            -- query: search
            SELECT id FROM pitches WHERE title ILIKE '%a;b%';
            """));

        Assert.Equal(2, strategy.Statements.Count);
        Assert.Equal("CREATE EXTENSION IF NOT EXISTS pg_trgm", strategy.Statements[0]);
        Assert.Equal(["idx_trgm"], strategy.IndexNames);
    }

    [Fact]
    public void RelativePath_BelowTheConfigFolder() =>
        Assert.Equal(Path.Combine("sql", "indexes.sql"), IndexStrategy.RelativePath);
}
