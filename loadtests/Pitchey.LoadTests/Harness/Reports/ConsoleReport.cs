using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// The end-of-run summary on the console: requests and latencies per target and label (corrected,
/// uncorrected beside), errors by kind, ratios between compared targets, the server side,
/// thresholds, the baseline's deltas and the events. On a pipe the tables are Markdown.
/// </summary>
internal static class ConsoleReport
{
    public static void Write(IAnsiConsole console, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var compare = report.Targets.Count > 1;
        var rows = report.Targets.SelectMany(target => Rows(target, compare)).ToList();

        var requests = Table(console, "series", "sent", "ok", "errors", "late", "dropped", "rate /s (target)");
        foreach (var (name, series) in rows)
        {
            requests.AddRow(Cells(
                name,
                Figures.Count(series.Sent),
                Figures.Count(series.Ok),
                $"{Figures.Count(series.Errors.Total)} ({Figures.Percent(series.ErrorPercent)})",
                Figures.Count(series.Late),
                series.Dropped is { } dropped ? Figures.Count(dropped) : "",
                Figures.Rate(series.AchievedRate) + (series.TargetRate is { } rate ? $" ({Figures.Rate(rate)})" : "")));
        }

        console.Write(requests);
        console.WriteLine();
        var latency = Table(console, "latency ms, corrected / uncorrected", "p50", "p90", "p99", "p99.9", "max");
        foreach (var (name, series) in rows)
        {
            var (c, u) = (series.Corrected, series.Uncorrected);
            latency.AddRow(Cells(
                name, Pair(c.P50Us, u.P50Us), Pair(c.P90Us, u.P90Us), Pair(c.P99Us, u.P99Us), Pair(c.P999Us, u.P999Us), Pair(c.MaxUs, u.MaxUs)));
        }

        console.Write(latency);
        console.WriteLine();
        foreach (var line in Lines(report, rows))
        {
            console.Write(new Text(line + Environment.NewLine));
        }

        if (report.Baseline is { } baseline)
        {
            WriteBaseline(console, baseline);
        }
    }

    private static IEnumerable<(string Name, SeriesReport Series)> Rows(TargetReport target, bool compare)
    {
        var name = Figures.Target(target.Url);
        yield return (compare || target.Labels.Count > 1 ? $"{name} (all)" : name, target.Total);
        if (target.Labels.Count > 1)
        {
            foreach (var label in target.Labels)
            {
                yield return ($"{name} {label.Label}", label);
            }
        }
    }

    private static IEnumerable<string> Lines(RunReport report, List<(string Name, SeriesReport Series)> rows)
    {
        foreach (var (name, series) in rows.Where(row => row.Series.Errors.Total > 0))
        {
            var e = series.Errors;
            var kinds = e.Status.Select(status => $"status {status.Key}: {Figures.Count(status.Value)}")
                .Concat(new[] { ("timeout", e.Timeout), ("refused", e.Refused), ("reset/closed", e.Reset), ("other", e.Other) }
                    .Where(kind => kind.Item2 > 0).Select(kind => $"{kind.Item1}: {Figures.Count(kind.Item2)}"));
            yield return $"errors {name}: {string.Join(", ", kinds)}";
        }

        var first = report.Main;
        if (first.Total.SendLag is { Count: > 0 } lag)
        {
            yield return $"send lag (how late the harness sent; part of the corrected latency): p50 {Figures.Ms(lag.P50Us)} ms, p99 {Figures.Ms(lag.P99Us)} ms, max {Figures.Ms(lag.MaxUs)} ms";
        }

        yield return $"harness cost: {report.Client.CpuMicrosecondsPerRequest:0.#} µs CPU and {report.Client.AllocatedBytesPerRequest:0.#} bytes allocated per request, {report.Client.Gen0Collections} collections ({report.Client.SocketEngine})";
        foreach (var target in report.Targets.Skip(1))
        {
            if (target.RatioToFirst is { } ratio)
            {
                yield return $"{Figures.Target(target.Url)} vs {Figures.Target(first.Url)}: rate {Figures.Ratio(ratio.AchievedRate)}, p50 {Figures.Ratio(ratio.P50)}, p99 {Figures.Ratio(ratio.P99)}";
            }
        }

        foreach (var side in report.ServerSide)
        {
            var counters = side.Counters.Select(counter =>
                $"{counter.Name} {Figures.Count(counter.Value)}" + (counter.RequestsPer is { } per ? $" ({Figures.Rate(per)} requests each)" : ""));
            yield return $"server side, {side.Title}: " + (side.Available ? string.Join(", ", counters) : "not available");
            if (side.Note is { } note)
            {
                yield return $"  note: {note}";
            }

            foreach (var statement in side.Statements.Take(5))
            {
                yield return $"  {Figures.Count(statement.Calls)} calls, {Figures.Ms(statement.MeanMs * 1000)} ms each: {statement.Query.ReplaceLineEndings(" ")}";
            }
        }

        foreach (var line in (report.Figures ?? []).SelectMany(FigureLines))
        {
            yield return line;
        }

        foreach (var threshold in report.Thresholds)
        {
            var actual = threshold.Actual is { } value ? Figures.Threshold(value, threshold.Unit) : "nothing to judge";
            yield return $"threshold {threshold.Expression}: {actual} -> {(threshold.Passed ? "ok" : "FAILED")}";
        }

        foreach (var e in report.Events)
        {
            yield return $"event at {e.AtSeconds:0.0} s: {e.Name}" + (e.Detail is { } detail ? $" ({detail})" : "");
        }

        if (report.EndedBy != "duration")
        {
            yield return $"the window ended early ({report.EndedBy}) after {report.WindowSeconds:0.0} s";
        }
    }

    private static IEnumerable<string> FigureLines(FigureSetReport set)
    {
        yield return $"{set.Title}: " + string.Join(", ", set.Values.Select(value => $"{value.Name} {Figures.Value(value.Value, value.Unit)}"));
        if (set.Note is { } note)
        {
            yield return $"  note: {note}";
        }

        foreach (var value in set.Values.Where(value => value.Note is not null))
        {
            yield return $"  {value.Name}: {value.Note}";
        }

        foreach (var (name, latency) in set.Latencies)
        {
            yield return $"  {name}: {Figures.Count(latency.Count)} requests, p50 {Figures.Ms(latency.P50Us)} ms, p99 {Figures.Ms(latency.P99Us)} ms, max {Figures.Ms(latency.MaxUs)} ms";
        }

        foreach (var series in set.Series.Where(series => series.Points.Count > 0))
        {
            yield return series.Unit == "count"
                ? $"  {series.Name}: {Figures.Count(series.Points.Sum(point => point.Value))} over {series.Points.Count} s"
                : $"  {series.Name}: {Figures.Value(series.Points[0].Value, series.Unit)} at first, {Figures.Value(series.Points.Max(point => point.Value), series.Unit)} at most, {Figures.Value(series.Points[^1].Value, series.Unit)} at the end";
        }
    }

    private static void WriteBaseline(IAnsiConsole console, BaselineReport baseline)
    {
        console.WriteLine();
        var table = Table(console, $"against {baseline.File} (tolerance {baseline.TolerancePercent} %)", "baseline", "now", "change", "");
        foreach (var delta in baseline.Deltas)
        {
            var latency = delta.Figure is "p50" or "p99";
            string Value(double value) => latency ? Figures.Ms(value) + " ms" : delta.Figure == "rps" ? Figures.Rate(value) + "/s" : Figures.Percent(value);
            var change = delta.Figure == "errors" ? $"{delta.ChangePercent:+0.###;-0.###;0} pp" : $"{delta.ChangePercent:+0.#;-0.#;0} %";
            table.AddRow(Cells($"{delta.Label ?? "total"} {delta.Figure}", Value(delta.Baseline), Value(delta.Current), change, delta.Regressed ? "REGRESSED" : ""));
        }

        console.Write(table);
        foreach (var threshold in baseline.Thresholds)
        {
            console.Write(new Text($"baseline threshold {threshold.Expression}: {(threshold.Passed ? "still holds" : "NO LONGER HOLDS")}{Environment.NewLine}"));
        }

        foreach (var note in baseline.Notes)
        {
            console.Write(new Text($"baseline note: {note}{Environment.NewLine}"));
        }

        console.Write(new Text($"baseline: {(baseline.Passed ? "no regression" : "REGRESSION")}{Environment.NewLine}"));
    }

    private static string Pair(long corrected, long uncorrected) => $"{Figures.Ms(corrected)} / {Figures.Ms(uncorrected)}";

    private static Table Table(IAnsiConsole console, params string[] columns)
    {
        var table = new Table { Border = console.Profile.Capabilities.Ansi ? TableBorder.Rounded : TableBorder.Markdown };
        foreach (var (column, index) in columns.Select((column, index) => (column, index)))
        {
            table.AddColumn(new TableColumn(new Text(column)) { Alignment = index == 0 ? Justify.Left : Justify.Right });
        }

        return table;
    }

    private static IEnumerable<IRenderable> Cells(params string[] cells) => cells.Select(cell => new Text(cell));
}
