using System.Globalization;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;
using Spectre.Console;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>
/// Live progress once a second: achieved against target rate, p50, p99 and errors of the last
/// second. On a terminal one Spectre.Console line redrawn in place; on a pipe one plain line a second.
/// </summary>
internal static class RunProgress
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, bool interactive, TextWriter output, Func<Action<ProgressSample>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(work);
        if (!interactive)
        {
            return await work(sample => output.WriteLine(Line(sample)));
        }

        return await console.Live(new Text("connecting...")).AutoClear(false)
            .StartAsync(context => work(sample =>
            {
                context.UpdateTarget(new Text(Line(sample)));
                context.Refresh();
            }));
    }

    public static string Line(ProgressSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var rate = Figures.Rate(sample.Completed) + (sample.TargetRate is { } target ? "/" + Figures.Rate(target) : "");
        return string.Create(CultureInfo.InvariantCulture,
            $"{sample.Elapsed,6:0.0} s  {sample.Phase,-9}  rate {rate} /s  p50 {Figures.Ms(sample.P50Us)} ms  p99 {Figures.Ms(sample.P99Us)} ms  errors {sample.Errors} (window: {sample.TotalErrors} of {Figures.Count(sample.TotalSent)})");
    }
}
