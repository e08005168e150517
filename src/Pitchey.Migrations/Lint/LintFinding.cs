namespace Pitchey.Migrations.Lint;

/// <summary>One finding: where, how bad, what, and how to fix it.</summary>
/// <param name="FixedByApply">True when <c>migrate apply</c> already does the fix itself (so the finding does not block it).</param>
public sealed record LintFinding(int Line, LintSeverity Severity, string Code, string Message, string Fix, bool FixedByApply = false)
{
    /// <summary>An error apply cannot work around: apply refuses to start while one is present.</summary>
    public bool BlocksApply => Severity == LintSeverity.Error && !FixedByApply;
}
