using Pitchey.Database.Indexes;

namespace Pitchey.Database.Insight;

/// <summary>
/// An index as the primary's catalog describes it (<c>pg_index</c>, <c>pg_constraint</c>,
/// <c>pg_stat_progress_create_index</c>). <paramref name="KeyElements"/> name each key column or
/// expression as written; <paramref name="KeyIdentity"/> adds its operator class, collation and
/// ordering, which two indexes must share to serve the same lookups.
/// </summary>
/// <param name="BacksConstraint">A primary key, unique, exclusion or foreign-key constraint uses it.</param>
/// <param name="ReplicaIdentity">Logical replication identifies rows by it.</param>
/// <param name="Building">A CREATE INDEX or REINDEX is building it right now.</param>
public sealed record IndexFacts(
    long Oid,
    string Schema,
    string Table,
    string Name,
    string Method,
    bool Unique,
    bool Primary,
    bool BacksConstraint,
    bool ReplicaIdentity,
    bool Valid,
    bool Ready,
    bool Building,
    long SizeBytes,
    string Definition,
    IReadOnlyList<string> KeyElements,
    IReadOnlyList<string> KeyIdentity,
    IReadOnlyList<string> Included,
    string? Predicate)
{
    /// <summary>Nothing but its own lookups depends on it: dropping it loses no constraint, key or replication identity.</summary>
    public bool Droppable => !Unique && !Primary && !BacksConstraint && !ReplicaIdentity;

    public string QualifiedName => SqlText.Qualified(Schema, Name);

    public string QualifiedTable => SqlText.Qualified(Schema, Table);

    public IndexKey Key => new(QualifiedTable, Method, KeyIdentity, Included, Predicate, Unique);

    /// <summary>"pitches (title, created_at DESC)": what the index is for, in a word.</summary>
    public string Describe() => $"{Table} ({string.Join(", ", KeyElements)})" + (Predicate is null ? "" : $" WHERE {Predicate}");
}
