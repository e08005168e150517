namespace Pitchey.Database.Insight;

/// <summary>What the primary's catalog says: the same on every replica, so read once.</summary>
public sealed record CatalogFacts(IReadOnlyList<IndexFacts> Indexes, IReadOnlyList<SequenceFacts> Sequences, TransactionIdFacts TransactionIds);
