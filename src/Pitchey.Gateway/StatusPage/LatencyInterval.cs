namespace Pitchey.Gateway.StatusPage;

/// <summary>One interval of a <see cref="LatencyHistogram"/>: how many, and the 50th/95th/99th percentiles in milliseconds.</summary>
internal sealed record LatencyInterval(long Count, double? P50Ms, double? P95Ms, double? P99Ms);
