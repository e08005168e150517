namespace Pitchey.Gateway.HealthProbes;

/// <summary>
/// A report with its response bodies rendered once, when it is published, so that serving a
/// probe costs a copy of bytes and nothing else.
/// </summary>
internal sealed record ProbeSnapshot(ProbeReport Report, byte[] ReadyBody, byte[] SummaryBody, byte[] ApiHealthPrefix)
{
    public static ProbeSnapshot Render(ProbeReport report) =>
        new(report, ProbeJson.Ready(report), ProbeJson.Summary(report), ProbeJson.ApiHealthPrefix(report));
}
