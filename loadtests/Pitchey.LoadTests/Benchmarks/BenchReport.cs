using System.Globalization;
using System.Text;
using Npgsql;

namespace Pitchey.LoadTests.Benchmarks;

/// <summary>The benchmark's result as a Markdown table: median and p99 per query, without and with the index strategy, and the median speed-up.</summary>
internal static class BenchReport
{
    public static string Render(string scale, IReadOnlyList<QueryTiming>? without, IReadOnlyList<QueryTiming> with)
    {
        ArgumentNullException.ThrowIfNull(with);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Data: {scale}. Runs per query: {with[0].Runs} with indexes, {without?[0].Runs ?? 0} without."));
        text.AppendLine();
        text.AppendLine("| query | without indexes: median / p99 (ms) | with indexes: median / p99 (ms) | speed-up (median) |");
        text.AppendLine("|---|---:|---:|---:|");
        for (var i = 0; i < with.Count; i++)
        {
            var after = with[i];
            if (without is null)
            {
                text.AppendLine(Invariant($"| {after.Name} | not measured | {after.MedianMs:F3} / {after.P99Ms:F3} | |"));
                continue;
            }

            var before = without[i];
            text.AppendLine(Invariant(
                $"| {after.Name} | {before.MedianMs:F3} / {before.P99Ms:F3} | {after.MedianMs:F3} / {after.P99Ms:F3} | {before.MedianMs / Math.Max(after.MedianMs, 0.0001):F0}x |"));
        }

        return text.ToString();
    }

    /// <summary>The row counts of the measured data, for the report's first line.</summary>
    public static Task<string> ScaleAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        dataSource.ScalarAsync<string>(
            "SELECT format('%s pitches, %s users, %s sessions, %s pitch views', " +
            "(SELECT count(*) FROM pitches), (SELECT count(*) FROM users), (SELECT count(*) FROM sessions), (SELECT count(*) FROM pitch_views))",
            cancellationToken);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
