using Npgsql;

namespace Pitchey.Migrations.Running;

/// <summary>The lock-retry budget ran out; the message says how long and why.</summary>
internal sealed class LockBudgetExhaustedException(string message, Exception inner) : NpgsqlException(message, inner);
