using NpgsqlTypes;

namespace Pitchey.Database.Routing;

/// <summary>Per-read routing inputs.</summary>
/// <param name="MinimumLsn">Read-your-writes: only a host that has replayed past this LSN may serve the read.</param>
public sealed record ReadOptions(NpgsqlLogSequenceNumber? MinimumLsn = null);
