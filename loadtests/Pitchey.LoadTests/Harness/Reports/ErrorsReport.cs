namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>A series' errors by kind; <see cref="Total"/> is their sum.</summary>
/// <param name="Total">All errors.</param>
/// <param name="Status">Whole responses with a status other than 2xx/3xx, per code ("503": n).</param>
/// <param name="Timeout">No whole response within the timeout.</param>
/// <param name="Refused">Connection refused.</param>
/// <param name="Reset">Connection reset or closed before the response was whole.</param>
/// <param name="Other">Unparseable responses and other socket errors.</param>
internal sealed record ErrorsReport(long Total, IReadOnlyDictionary<string, long> Status, long Timeout, long Refused, long Reset, long Other);
