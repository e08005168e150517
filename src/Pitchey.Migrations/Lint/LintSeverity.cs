namespace Pitchey.Migrations.Lint;

/// <summary>How bad a finding is: errors stop <c>migrate lint</c> (and, unless apply fixes them, <c>migrate apply</c>).</summary>
public enum LintSeverity
{
    Info,
    Warning,
    Error,
}
