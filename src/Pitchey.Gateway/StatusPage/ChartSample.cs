namespace Pitchey.Gateway.StatusPage;

/// <summary>What one chart adds to one sample: a value per line. Values that are not finite are left out (a gap).</summary>
internal sealed class ChartSample
{
    private readonly List<KeyValuePair<string, double>> _values = [];

    public IReadOnlyList<KeyValuePair<string, double>> Values => _values;

    public void Add(string line, double value)
    {
        if (double.IsFinite(value))
        {
            _values.Add(new(line, value));
        }
    }
}
