namespace Pitchey.Gateway.Diagnostics;

/// <summary>One metric family as Prometheus sees it on <c>/metrics</c>.</summary>
/// <param name="Name">The family name (a histogram's series add <c>_bucket</c>, <c>_sum</c>, <c>_count</c>).</param>
/// <param name="Type"><c>counter</c>, <c>gauge</c> or <c>histogram</c>.</param>
/// <param name="Labels">Labels every series of it carries (besides <c>otel_scope_name</c>).</param>
/// <param name="OnlyWith">Null when it is there after ordinary traffic; else what it waits for (replicas configured, ...).</param>
internal sealed record ExportedMetric(string Name, string Type, IReadOnlyList<string> Labels, string? OnlyWith = null)
{
    /// <summary>The names its series may carry: the family's, and for a histogram its three series.</summary>
    public IEnumerable<string> SeriesNames => Type == "histogram" ? [Name + "_bucket", Name + "_sum", Name + "_count", Name] : [Name];
}
