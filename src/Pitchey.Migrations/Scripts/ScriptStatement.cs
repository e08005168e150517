namespace Pitchey.Migrations.Scripts;

/// <summary>One statement of a strategy file, with comments blanked out and its position in the file.</summary>
/// <param name="Line">1-based line of the statement's first character.</param>
/// <param name="Text">The statement without its terminating semicolon; comments are replaced by spaces.</param>
/// <param name="Phase">Phase number from the nearest <c>-- phase: N</c> marker above; 1 when the file has none; 0 for the preamble.</param>
/// <param name="PhaseName">The words after the phase number (for example <c>critical</c>); may be empty.</param>
/// <param name="QueryName">Set when a <c>-- query: name</c> marker precedes the statement: a representative query for verify, never applied.</param>
public sealed record ScriptStatement(int Line, string Text, int Phase, string PhaseName, string? QueryName)
{
    public bool IsQuery => QueryName is not null;
}
