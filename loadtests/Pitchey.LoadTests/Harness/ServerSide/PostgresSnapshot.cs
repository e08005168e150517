namespace Pitchey.LoadTests.Harness.ServerSide;

/// <summary>The database's cumulative counts at one moment.</summary>
/// <param name="Transactions">xact_commit + xact_rollback of the database.</param>
/// <param name="Statements">Per pg_stat_statements query id: text, calls, total execution time (ms); null without the extension.</param>
internal sealed record PostgresSnapshot(long Transactions, IReadOnlyDictionary<long, (string Query, long Calls, double TotalMs)>? Statements);
