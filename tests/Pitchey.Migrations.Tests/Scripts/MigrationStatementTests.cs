using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Tests.Scripts;

public sealed class MigrationStatementTests
{
    private static MigrationStatement Parse(string sql) =>
        MigrationStatement.Parse(MigrationScript.Parse(sql).Statements.Single());

    [Fact]
    public void Parse_CreateIndex_ReadsEveryPart()
    {
        var statement = Parse("""
            create unique index concurrently if not exists idx_pitches_recent
              on public.pitches using btree (user_id, lower(title), created_at desc nulls last)
              include (status) where status = 'published' and published_at is not null
            """);

        var index = Assert.IsType<IndexDefinition>(statement.Index);
        Assert.Equal(StatementKind.CreateIndex, statement.Kind);
        Assert.Equal("idx_pitches_recent", index.Name);
        Assert.Equal("pitches", index.Table);
        Assert.True(index.Unique);
        Assert.True(index.Concurrently);
        Assert.True(index.IfNotExists);
        Assert.Equal(["user_id", null, "created_at"], index.Items.Select(i => i.Column));
        Assert.Equal("lower(title)", index.Items[1].Text);
        Assert.Equal("status = 'published' and published_at is not null", index.Predicate);
    }

    [Fact]
    public void ConcurrentSql_AddsConcurrentlyAndDropsIfNotExists()
    {
        var statement = Parse("CREATE INDEX IF NOT EXISTS idx_a ON pitches (status) WHERE status = 'published'");

        Assert.Equal("CREATE INDEX CONCURRENTLY idx_a ON pitches (status) WHERE status = 'published'", statement.ConcurrentSql);
    }

    [Fact]
    public void Checksum_IgnoresLayoutAndKeywordCase_ButNotLiterals()
    {
        var a = Parse("CREATE INDEX CONCURRENTLY idx_a ON pitches (status) WHERE status = 'published'");
        var b = Parse("create index concurrently idx_a\n    on pitches(status)\n    where status='published'");
        var c = Parse("CREATE INDEX CONCURRENTLY idx_a ON pitches (status) WHERE status = 'Published'");

        Assert.Equal(a.Checksum, b.Checksum);
        Assert.NotEqual(a.Checksum, c.Checksum);
    }

    [Theory]
    [InlineData("SET maintenance_work_mem = '1GB'", "Set", "maintenance_work_mem")]
    [InlineData("SET SESSION max_parallel_maintenance_workers TO 4", "Set", "max_parallel_maintenance_workers")]
    [InlineData("RESET maintenance_work_mem", "Reset", "maintenance_work_mem")]
    [InlineData("ALTER SYSTEM SET shared_buffers = '4GB'", "AlterSystem", "shared_buffers")]
    [InlineData("SET pg_stat_statements.track = 'all'", "Set", "pg_stat_statements.track")]
    [InlineData("CREATE EXTENSION IF NOT EXISTS pg_trgm", "CreateExtension", "pg_trgm")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS idx_old", "DropIndex", "idx_old")]
    public void Parse_OtherStatements_AreClassified(string sql, string kind, string target)
    {
        var statement = Parse(sql);

        Assert.Equal(Enum.Parse<StatementKind>(kind), statement.Kind);
        Assert.Equal(target, statement.Target);
    }

    [Theory]
    [InlineData("VACUUM FULL pitches")]
    [InlineData("ALTER TABLE pitches ADD COLUMN x int")]
    [InlineData("CREATE INDEX ON")]
    public void Parse_WhatItCannotRead_IsUnknown(string sql) =>
        Assert.Equal(StatementKind.Unknown, Parse(sql).Kind);
}
