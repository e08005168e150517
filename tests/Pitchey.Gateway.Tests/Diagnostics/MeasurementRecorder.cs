using System.Diagnostics.Metrics;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Tests.Diagnostics;

/// <summary>Records what the instruments of one meter factory report; another factory's (another gateway's) are left out.</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Measured> _seen = [];

    public MeasurementRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Everything recorded so far; call <see cref="Observe"/> first to include the gauges.</summary>
    public IReadOnlyList<Measured> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? cluster = null, state = null;
        foreach (var tag in tags)
        {
            cluster = tag.Key == ResilienceMetrics.ClusterTag ? tag.Value as string : cluster;
            state = tag.Key == ResilienceMetrics.StateTag ? tag.Value as string : state;
        }

        lock (_seen)
        {
            _seen.Add(new Measured(instrument.Name, value, cluster, state));
        }
    }

    /// <summary>One measurement: instrument, value, and its <c>cluster</c> and <c>state</c> tags if any.</summary>
    internal sealed record Measured(string Instrument, long Value, string? Cluster, string? State);
}
