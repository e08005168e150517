namespace Pitchey.Migrations.Scripts;

/// <summary>A problem with the file itself (not with a statement), found while splitting it.</summary>
public sealed record ScriptProblem(int Line, string Message);
