using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Tests.Scripts;

public sealed class MigrationScriptTests
{
    [Fact]
    public void Parse_SemicolonsInQuotesAndComments_DoNotSplitStatements()
    {
        var script = MigrationScript.Parse("""
            -- a comment; with a semicolon
            CREATE INDEX CONCURRENTLY a ON pitches (title) WHERE title <> 'x;y';
            /* block; comment */ SELECT $tag$ body; $tag$;

            CREATE INDEX CONCURRENTLY "b;c" ON users (email)
            """);

        Assert.Equal(3, script.Statements.Count);
        Assert.Equal([2, 3, 5], script.Statements.Select(s => s.Line));
        Assert.Contains("'x;y'", script.Statements[0].Text, StringComparison.Ordinal);
        Assert.Empty(script.Problems);
    }

    [Fact]
    public void Parse_PhaseMarkers_AssignPhasesAndOrderStepsCriticalFirst()
    {
        var script = MigrationScript.Parse("""
            SET maintenance_work_mem = '256MB';
            -- phase: 2 reporting
            CREATE INDEX CONCURRENTLY late ON investments (created_at);
            -- phase: 1 critical
            CREATE INDEX CONCURRENTLY early ON pitches (status);
            """);

        Assert.True(script.HasPhaseMarkers);
        Assert.Equal([(0, "preamble"), (2, "reporting"), (1, "critical")], script.Statements.Select(s => (s.Phase, s.PhaseName)));
        Assert.Equal([1, 5, 3], script.Steps.Select(s => s.Line));
    }

    [Fact]
    public void Parse_NoPhaseMarkers_PutsEverythingInPhaseOneInFileOrder()
    {
        var script = MigrationScript.Parse("CREATE INDEX CONCURRENTLY a ON pitches (status);\nANALYZE pitches;");

        Assert.All(script.Statements, s => Assert.Equal(1, s.Phase));
        Assert.False(script.HasPhaseMarkers);
    }

    [Fact]
    public void Parse_QueryMarker_MarksOnlyTheNextStatement()
    {
        var script = MigrationScript.Parse("""
            CREATE INDEX CONCURRENTLY a ON pitches (status);
            -- query: browse
            SELECT id FROM pitches WHERE status = 'published';
            ANALYZE pitches;
            """);

        Assert.Equal([null, "browse", null], script.Statements.Select(s => s.QueryName));
        Assert.Single(script.Queries);
        Assert.Equal(2, script.Steps.Count());
    }

    [Fact]
    public void Parse_UnterminatedString_IsReportedWithItsLine()
    {
        var script = MigrationScript.Parse("ANALYZE pitches;\n\nCREATE INDEX x ON pitches (title) WHERE title = 'oops;\n");

        var problem = Assert.Single(script.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("unterminated string", problem.Message, StringComparison.Ordinal);
    }
}
