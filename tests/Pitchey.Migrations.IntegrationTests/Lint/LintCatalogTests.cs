using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Scripts;
using Pitchey.Testing.Postgres;

namespace Pitchey.Migrations.IntegrationTests.Lint;

/// <summary>The lint against a live catalog: pg_class/pg_attribute/pg_index, pg_proc volatility, pg_settings contexts.</summary>
public sealed class LintCatalogTests(SchemaDatabase cluster) : IClassFixture<SchemaDatabase>
{
    [Fact]
    public async Task Lint_SampleFile_CatchesEveryKindOfFaultOnItsLine()
    {
        await using var db = await TestDatabase.CreateAsync(cluster, pitches: 10);
        var script = await MigrationScript.LoadAsync(Path.Combine(AppContext.BaseDirectory, "Lint", "Samples", "faults.sql"), CancellationToken.None);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var catalog = await CatalogSnapshot.ReadAsync(connection, CancellationToken.None);

        var report = MigrationLint.Run(script, catalog);
        var found = report.Findings.Where(f => f.Severity >= LintSeverity.Warning).Select(f => (f.Line, f.Code)).ToHashSet();

        (int, string)[] expected =
        [
            (3, LintCodes.NoConcurrently),
            (5, LintCodes.ConcurrentlyInTransaction),
            (7, LintCodes.NonImmutable),
            (8, LintCodes.NonImmutable),
            (9, LintCodes.NonImmutable),
            (10, LintCodes.SessionSetting),
            (11, LintCodes.SessionSetting),
            (13, LintCodes.MissingColumn),
            (14, LintCodes.MissingTable),
            (15, LintCodes.DuplicateIndex),
            (16, LintCodes.PrefixIndex),
            (18, LintCodes.RenamedColumn),
            (18, LintCodes.NotUnderstood),
            (19, LintCodes.NotUnderstood),
            (20, LintCodes.IfNotExistsConcurrently),
            (21, LintCodes.NonImmutable),
            (22, LintCodes.UnknownSetting),
        ];
        Assert.Equal(expected.Order(), found.Order());
        Assert.Equal("live database", report.CatalogSource);
        Assert.True(report.Allows(report.Statements.Single(s => s.Line == 12)));
        Assert.Equal(2, report.ExitCode(strict: false));
    }

    [Fact]
    public async Task Lint_RepositorySchemaFile_MatchesTheLiveCatalog()
    {
        await using var db = await TestDatabase.CreateAsync(cluster, pitches: 10);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var live = await CatalogSnapshot.ReadAsync(connection, CancellationToken.None);

        var offline = CatalogSnapshot.FromSchemaFile(await File.ReadAllTextAsync(RepoPaths.Config("sql", "schema.sql")), "schema.sql");

        // The fallback without a connection must see the same tables, columns and constraint indexes.
        Assert.Equal(live.Tables.Keys.Order(), offline.Tables.Keys.Order());
        foreach (var table in live.Tables.Values)
        {
            Assert.Equal(table.Columns.Order(), offline.Tables[table.Name].Columns.Order());
        }

        Assert.Equal(live.Indexes.Select(i => (i.Name, string.Join(',', i.Columns))).Order(), offline.Indexes.Select(i => (i.Name, string.Join(',', i.Columns))).Order());
        Assert.Equal(live.Extensions.Order(StringComparer.Ordinal), offline.Extensions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Lint_RepositoryIndexStrategy_HasNothingApplyCannotFix_LiveOrFromTheSchemaFile()
    {
        // The shipped strategy (trigram indexes included) against a database made from schema.sql
        // and against schema.sql alone: no error, and the only warnings are the ones apply fixes itself.
        await using var db = await TestDatabase.CreateAsync(cluster, pitches: 10);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var script = MigrationScript.Parse(await File.ReadAllTextAsync(RepoPaths.Config("sql", "indexes.sql")), "indexes.sql");
        var catalogs = new[]
        {
            await CatalogSnapshot.ReadAsync(connection, CancellationToken.None),
            CatalogSnapshot.FromSchemaFile(await File.ReadAllTextAsync(RepoPaths.Config("sql", "schema.sql")), "schema.sql"),
        };

        foreach (var catalog in catalogs)
        {
            var report = MigrationLint.Run(script, catalog);

            var problems = report.Findings.Where(f => f.Severity >= LintSeverity.Warning).ToList();
            Assert.Equal([LintCodes.IfNotExistsConcurrently], problems.Select(f => f.Code).Distinct());
            Assert.All(problems, f => Assert.True(f.FixedByApply, f.Message));
            Assert.False(report.BlocksApply);
            Assert.Contains("pg_trgm", catalog.Extensions);
        }
    }

    [Fact]
    public async Task Lint_OperatorClassTheDatabaseDoesNotHave_IsAnError()
    {
        await using var db = await TestDatabase.CreateAsync(cluster, pitches: 10);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var catalog = await CatalogSnapshot.ReadAsync(connection, CancellationToken.None);

        var report = MigrationLint.Run(MigrationScript.Parse("""
            CREATE INDEX CONCURRENTLY idx_title_trgm ON pitches USING gin (title gin_trgm_ops);
            CREATE INDEX CONCURRENTLY idx_title_typo ON pitches USING gin (title gin_trgm_opz);
            CREATE INDEX CONCURRENTLY idx_title_pattern ON pitches (title text_pattern_ops);
            """), catalog);

        var finding = Assert.Single(report.Findings, f => f.Severity >= LintSeverity.Warning);
        Assert.Equal((2, LintCodes.UnknownOperatorClass), (finding.Line, finding.Code));
        Assert.Contains("gin_trgm_opz does not exist for gin (checked against live database)", finding.Message, StringComparison.Ordinal);
    }
}
