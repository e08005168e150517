namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// One second of the measured window, by completion time: second 0 ends one second after the window
/// starts; the last points may lie past the window's end (requests in flight at its end, drained).
/// Over a series the points add up to its totals: the sum of <see cref="Completed"/> is its
/// <c>sent</c>. Latencies are corrected (from the due time), in microseconds, at 1 % precision.
/// </summary>
/// <param name="Second">Seconds since the window started, 0-based.</param>
/// <param name="Completed">Requests that ended in this second (ok and errors).</param>
/// <param name="Ok">Of those, 2xx and 3xx responses.</param>
/// <param name="Errors">Of those, errors of any kind.</param>
/// <param name="P50Us">Median corrected latency.</param>
/// <param name="P90Us">90th percentile corrected latency.</param>
/// <param name="P99Us">99th percentile corrected latency.</param>
/// <param name="MaxUs">Longest corrected latency.</param>
/// <param name="UncorrectedP99Us">99th percentile uncorrected latency (from the send time), for contrast.</param>
internal sealed record TimelinePoint(int Second, long Completed, long Ok, long Errors, long P50Us, long P90Us, long P99Us, long MaxUs, long UncorrectedP99Us);
