namespace Pitchey.Migrations.Scripts;

/// <summary>One element of an index's key: a plain column (<see cref="Column"/> set) or an expression.</summary>
public sealed record IndexItem(string Text, string? Column, IReadOnlyList<SqlToken> Tokens);
