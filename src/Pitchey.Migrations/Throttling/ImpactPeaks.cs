namespace Pitchey.Migrations.Throttling;

/// <summary>The highest figures seen over a run's samples; thread-safe (the watch samples beside the runner).</summary>
internal sealed class ImpactPeaks
{
    private readonly Lock _lock = new();
    private int _samples;
    private TimeSpan? _lag;
    private string? _lagReplica;
    private int? _sessions;
    private int? _lockWaits;
    private TimeSpan? _probe;

    public void Add(ImpactSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        lock (_lock)
        {
            _samples++;
            foreach (var replica in sample.Replicas)
            {
                if (replica.Lag is { } lag && (_lag is null || lag > _lag))
                {
                    (_lag, _lagReplica) = (lag, replica.Name);
                }
            }

            _sessions = Max(_sessions, sample.ActiveSessions);
            _lockWaits = Max(_lockWaits, sample.LockWaits);
            if (sample.ProbeLatency is { } probe && (_probe is null || probe > _probe))
            {
                _probe = probe;
            }
        }
    }

    public ImpactSummary Summary(TimeSpan throttled, int waits)
    {
        lock (_lock)
        {
            return new ImpactSummary(throttled, waits, _samples, _lag, _lagReplica, _sessions, _lockWaits, _probe);
        }
    }

    private static int? Max(int? peak, int? value) => value is null ? peak : peak is null ? value : Math.Max(peak.Value, value.Value);
}
