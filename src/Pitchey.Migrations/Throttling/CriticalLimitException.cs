using Npgsql;

namespace Pitchey.Migrations.Throttling;

/// <summary>
/// A critical limit was crossed during a statement, which was cancelled for it. An
/// <see cref="NpgsqlException"/> so that the runner's failure path (record the step, report the
/// INVALID index it leaves) takes it like any failed build.
/// </summary>
internal sealed class CriticalLimitException(IReadOnlyList<LimitBreach> breaches)
    : NpgsqlException($"cancelled at a critical limit: {string.Join("; ", breaches.Select(b => $"{b.Message} ({b.Key})"))}")
{
    public IReadOnlyList<LimitBreach> Breaches { get; } = breaches;
}
