using Npgsql;

namespace Pitchey.Database.Queries;

/// <summary>
/// What <see cref="TotalCounter{TKey}"/> sends for one key: an <c>EXPLAIN (FORMAT JSON)</c> of the
/// match set, and a count of it bounded by a trailing LIMIT parameter (added after the key's own,
/// which <see cref="AddParameters"/> adds to each command in order).
/// </summary>
/// <remarks>The count is prepared: browse's filters are in the SQL text, so one generic plan fits each.</remarks>
internal sealed record CountStatements(string EstimateSql, string CountSql, Action<NpgsqlParameterCollection> AddParameters);
