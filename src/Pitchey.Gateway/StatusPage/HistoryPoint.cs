namespace Pitchey.Gateway.StatusPage;

/// <summary>One sample of every chart: when, and each chart's values by line. Immutable once taken.</summary>
internal sealed record HistoryPoint(DateTimeOffset At, IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, double>>> Charts);
