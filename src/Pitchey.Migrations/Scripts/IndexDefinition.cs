namespace Pitchey.Migrations.Scripts;

/// <summary>What a <c>CREATE INDEX</c> statement asks for.</summary>
public sealed record IndexDefinition(
    string? Name,
    string Table,
    bool Unique,
    bool Concurrently,
    bool IfNotExists,
    string Method,
    IReadOnlyList<IndexItem> Items,
    string? Predicate,
    IReadOnlyList<SqlToken> PredicateTokens,
    int OnOffset)
{
    /// <summary>True when every key element is a plain column (the only case the prefix rule compares).</summary>
    public bool IsPlainColumns => Items.All(i => i.Column is not null);
}
