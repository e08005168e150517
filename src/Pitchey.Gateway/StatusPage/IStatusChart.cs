namespace Pitchey.Gateway.StatusPage;

/// <summary>
/// A chart on the status page: one or more lines, sampled together by <see cref="HistorySampler"/>
/// every <c>Management:HistoryInterval</c> and kept for <c>Management:HistoryWindow</c>. A feature
/// adds one with <c>services.AddSingleton&lt;IStatusChart, MyChart&gt;()</c>; charts appear in
/// registration order.
/// </summary>
internal interface IStatusChart
{
    /// <summary>Stable, URL-safe id (<c>request-latency</c>).</summary>
    string Id { get; }

    string Title { get; }

    /// <summary>Shown beside values: <c>ms</c>, <c>s</c>, <c>req/s</c>, <c>connections</c>.</summary>
    string Unit { get; }

    /// <summary>Adds this interval's value of each line; called on the sampler's thread only, never on a request.</summary>
    void Sample(ChartSample sample);
}
