using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Lint;

/// <summary>The lint's result, with statements in file order.</summary>
public sealed record LintReport(IReadOnlyList<MigrationStatement> Statements, IReadOnlyList<LintFinding> Findings, string CatalogSource)
{
    public bool HasErrors => Findings.Any(f => f.Severity == LintSeverity.Error);

    public bool HasWarnings => Findings.Any(f => f.Severity == LintSeverity.Warning);

    public bool BlocksApply => Findings.Any(f => f.BlocksApply);

    /// <summary>0 clean, 1 warnings only, 2 errors; with <paramref name="strict"/> warnings count as errors.</summary>
    public int ExitCode(bool strict) => HasErrors || (strict && HasWarnings) ? 2 : HasWarnings ? 1 : 0;

    /// <summary>True when apply may run this non-index statement (and will).</summary>
    public bool Allows(MigrationStatement statement) =>
        statement.Kind is StatementKind.Set or StatementKind.Reset or StatementKind.Analyze or StatementKind.CreateExtension
        && !Findings.Any(f => f.Line == statement.Line && f.Severity >= LintSeverity.Warning);
}
