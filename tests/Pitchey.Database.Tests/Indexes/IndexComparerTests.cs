using Pitchey.Database.Indexes;

namespace Pitchey.Database.Tests.Indexes;

public sealed class IndexComparerTests
{
    [Theory]
    [InlineData("CREATE INDEX idx ON public.pitches USING btree (status, created_at DESC) WHERE (status = 'published'::text)",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON pitches (status, created_at DESC) WHERE status = 'published'")]
    [InlineData("CREATE INDEX idx ON public.sessions USING btree (expires_at) WHERE (expires_at > '2025-01-01 00:00:00+00'::timestamp with time zone)",
        "create index concurrently idx on sessions (expires_at) where expires_at > '2025-01-01 00:00:00+00'")]
    [InlineData("CREATE INDEX idx ON public.pitches USING gin (to_tsvector('english'::regconfig, title))",
        "CREATE INDEX CONCURRENTLY idx ON pitches USING gin (to_tsvector('english', title))")]
    public void SameDefinition_PostgresRenderingOfTheSameIndex_IsEqual(string existing, string written) =>
        Assert.True(IndexComparer.SameDefinition(existing, written));

    [Theory]
    [InlineData("CREATE INDEX idx ON public.pitches USING btree (status)", "CREATE INDEX CONCURRENTLY idx ON pitches (status, created_at)")]
    [InlineData("CREATE INDEX idx ON public.pitches USING btree (status)", "CREATE UNIQUE INDEX CONCURRENTLY idx ON pitches (status)")]
    [InlineData("CREATE INDEX idx ON public.pitches USING btree (status)", "CREATE INDEX CONCURRENTLY idx ON pitches USING hash (status)")]
    public void SameDefinition_DifferentIndexes_AreNotEqual(string existing, string written) =>
        Assert.False(IndexComparer.SameDefinition(existing, written));
}
