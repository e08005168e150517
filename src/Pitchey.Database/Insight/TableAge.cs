namespace Pitchey.Database.Insight;

/// <summary>A table's <c>age(relfrozenxid)</c>.</summary>
public sealed record TableAge(string Schema, string Table, long Age);
