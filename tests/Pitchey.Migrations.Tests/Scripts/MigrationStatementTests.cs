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

    [Theory]
    [InlineData("title gin_trgm_ops", "title", "gin_trgm_ops", "title")]
    [InlineData("(title || ' ' || coalesce(logline, '')) gin_trgm_ops", null, "gin_trgm_ops", "( title || ' ' || coalesce ( logline , '' ) )")]
    [InlineData("lower(title) public.gin_trgm_ops", null, "gin_trgm_ops", "lower ( title )")]
    [InlineData("description gist_trgm_ops (siglen = 64)", "description", "gist_trgm_ops", "description")]
    [InlineData("title COLLATE \"C\" text_pattern_ops DESC NULLS LAST", "title", "text_pattern_ops", "title")]
    [InlineData("created_at DESC NULLS FIRST", "created_at", null, "created_at")]
    [InlineData("(created_at > '2025-01-01')", null, null, "( created_at > '2025-01-01' )")]
    public void Parse_IndexElement_SplitsTheOperatorClassFromTheColumnOrExpression(string element, string? column, string? operatorClass, string expression)
    {
        var item = Assert.Single(Parse($"CREATE INDEX CONCURRENTLY idx ON pitches USING gin ({element})").Index!.Items);

        Assert.Equal(element, item.Text);
        Assert.Equal((column, operatorClass), (item.Column, item.OperatorClass));
        Assert.Equal(expression, string.Join(' ', item.Tokens.Select(t => t.Kind == TokenKind.String ? $"'{t.Value}'" : t.Value)));
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
