using System.Diagnostics.Metrics;

namespace Pitchey.Database.Tests.SlowQueries;

/// <summary>Meters for a unit under test; nothing listens to them.</summary>
internal sealed class PlainMeterFactory : IMeterFactory
{
    public Meter Create(MeterOptions options) => new(options);

    public void Dispose()
    {
    }
}
