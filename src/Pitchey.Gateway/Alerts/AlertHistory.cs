using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Alerts;

/// <summary>The last <c>Alerts:History</c> notices, newest first, in memory only.</summary>
internal sealed class AlertHistory(IOptions<AlertOptions> options)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<AlertRecord> _records = new();
    private readonly int _capacity = options.Value.History;

    public void Add(AlertRecord record)
    {
        lock (_gate)
        {
            _records.AddFirst(record);
            while (_records.Count > _capacity)
            {
                _records.RemoveLast();
            }
        }
    }

    public IReadOnlyList<AlertRecord> Recent()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }
}
