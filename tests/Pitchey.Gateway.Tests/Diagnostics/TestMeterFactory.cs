using System.Diagnostics.Metrics;

namespace Pitchey.Gateway.Tests.Diagnostics;

/// <summary>
/// An <see cref="IMeterFactory"/> of its own, as each host has: its meters carry it as their scope,
/// so a listener can tell them from another gateway's.
/// </summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(meter => meter.Dispose());
            _meters.Clear();
        }
    }
}
