using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.Alerts;

/// <summary>Firing and pending alerts over time.</summary>
internal sealed class AlertChart(AlertBook book) : IStatusChart
{
    public string Id => "alerts";

    public string Title => "Alerts";

    public string Unit => "";

    public void Sample(ChartSample sample)
    {
        var active = book.Active;
        sample.Add("firing", active.Count(a => a.FiringSince is not null));
        sample.Add("pending", active.Count(a => a.FiringSince is null));
    }
}
