namespace Pitchey.Database.Indexes;

/// <summary>
/// What makes two indexes serve the same lookups: the table, the access method, the key elements in
/// order (columns or expressions, with their operator class, collation and ordering where known),
/// the INCLUDE columns and the predicate. Uniqueness is a constraint, not a lookup: a unique index
/// is never redundant beside a non-unique one.
/// </summary>
/// <param name="Keys">Key elements in order, compared exactly (ordinal).</param>
/// <param name="Included">INCLUDE columns; empty when none or not known.</param>
/// <param name="Predicate">A partial index's WHERE clause, null for a full index.</param>
public sealed record IndexKey(string Table, string Method, IReadOnlyList<string> Keys, IReadOnlyList<string> Included, string? Predicate, bool Unique);
