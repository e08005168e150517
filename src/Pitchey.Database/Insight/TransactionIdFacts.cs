namespace Pitchey.Database.Insight;

/// <summary>The database's oldest unfrozen transaction id age and the tables that hold it back.</summary>
public sealed record TransactionIdFacts(long DatabaseAge, long FreezeMaxAge, IReadOnlyList<TableAge> OldestTables);
