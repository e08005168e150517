using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.Testing.Gateway;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// report.html in headless Chromium (Debian's, bounded, a throwaway profile): its script runs to the end
/// (<c>data-rendered</c> on &lt;body&gt;, the number of charts) without an error (<c>data-error</c> absent),
/// the DOM it leaves is well formed (a strict HTML5 parse), every SVG holds a drawing, and the tables
/// have a row per target and label. Once after a real run, once with every part of the report filled
/// (strings that look like markup among them: they must show as text), once with nothing sent.
/// </summary>
public sealed class HtmlReportBrowserTests
{
    private static readonly string[] ChartKinds = ["latency", "distribution", "throughput"];

    [Fact]
    public async Task Run_WithOut_WritesAReportThatRendersEveryChartAndLabelInChromium()
    {
        await using var standIn = await StandInServer.StartAsync();

        using var run = await HarnessRun.StartAsync(
            "probe-storm", "--target", standIn.Address.ToString(), "--standin", standIn.Address.ToString(), "--rate", "200", "--connections", "4",
            "--duration", "2s", "--warmup", "0s", "--threshold", "p99<60s", "--threshold", "rps>10000000");

        Assert.True(run.Exit == ExitCodes.ThresholdsNotMet, run.Output + run.Error);
        var page = await RenderAsync(Path.Combine(run.Folder, HtmlReportWriter.Name));
        AssertRendered(page);
        Assert.Equal(["ready", "live", "api-health", "health"], page.QuerySelectorAll("[data-table='requests'] tr.label").Select(row => row.GetAttribute("data-label")));
        Assert.Equal(5, page.QuerySelectorAll("[data-table='latency'] tbody tr").Length);
        Assert.Equal(["true", "false"], page.QuerySelectorAll("[data-table='thresholds'] tbody tr").Select(row => row.GetAttribute("data-passed")));
        Assert.Equal("failed", page.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.NotNull(page.QuerySelector("[data-sampler='upstream']"));
        Assert.NotNull(page.QuerySelector("[data-sampler='health-checks']"));
        var sent = run.Targets.Single().GetProperty("total").GetProperty("sent").GetInt64();
        Assert.Equal(Figures.Count(sent), page.QuerySelector("[data-table='requests'] tr.total td")!.TextContent);

        // One target: p99 and p50 over time, corrected and uncorrected by percentile, achieved and asked for.
        Assert.Equal(2, Lines(page, "latency"));
        Assert.Equal(2, Lines(page, "distribution"));
        Assert.Equal(2, Lines(page, "throughput"));
    }

    [Fact]
    public async Task EveryPartFilled_RendersItAll_AndMarkupInTheReportShowsAsText()
    {
        var page = await RenderAsync(ReportSamples.Full());

        AssertRendered(page);
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Equal(2, page.Scripts.Count(script => script.Type is null));
        var labels = page.QuerySelectorAll("[data-table='requests'] tr.label").Select(row => row.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal([ReportSamples.Hostile, "search"], labels);
        Assert.Contains(ReportSamples.Hostile, page.QuerySelector("[data-table='events']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<b>every answer 503</b>", page.QuerySelector("[data-table='events']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[data-table='events'] b"));
        Assert.Contains(ReportSamples.Hostile, page.QuerySelector("[data-table='statements-postgres']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("REGRESSED", page.QuerySelector("[data-table='deltas']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["true", "false"], page.QuerySelectorAll("[data-table='thresholds'] tbody tr").Select(row => row.GetAttribute("data-passed")));
        Assert.Contains("status 503", page.QuerySelector("[data-table='errors'] thead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("#charts-view option").Length);

        // Two targets' totals: p99 and p50 each; corrected and uncorrected each; achieved each, errors
        // for the one with errors, the sum of both and the rate asked for.
        Assert.Equal(4, Lines(page, "latency"));
        Assert.Equal(4, Lines(page, "distribution"));
        Assert.Equal(5, Lines(page, "throughput"));

        // The events of the window (3 s and 6 s) and the one after it (12 s, inside the charts' time axis) are marked; the warm-up's is not.
        foreach (var kind in new[] { "latency", "throughput" })
        {
            Assert.Equal(["2", "3", "4"], Chart(page, kind).QuerySelectorAll("g.marker").Select(marker => marker.GetAttribute("data-event")));
        }
    }

    [Fact]
    public async Task ALabelsView_ChartsEachLabelOfThatTarget()
    {
        var page = await RenderAsync(ReportSamples.Full(), view: "labels-0");

        AssertRendered(page);
        Assert.Equal("1", page.QuerySelector<IHtmlSelectElement>("#charts-view")!.Value);
        Assert.Equal(
            [ReportSamples.Hostile + " p99", ReportSamples.Hostile + " p50", "search p99", "search p50"],
            Chart(page, "latency").QuerySelectorAll("g[data-line]").Select(line => line.GetAttribute("data-line")));

        // Each label's achieved rate and the errors of the one that had them; the rate asked for is the target's, not a label's.
        Assert.Equal(3, Lines(page, "throughput"));
    }

    [Fact]
    public async Task NothingSent_EveryChartSaysSo_WithoutScriptErrors()
    {
        var page = await RenderAsync(ReportSamples.NothingSent());

        AssertRendered(page);
        foreach (var kind in ChartKinds)
        {
            Assert.StartsWith("No data", Chart(page, kind).QuerySelector("text.nodata")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(0, Lines(page, kind));
        }

        Assert.Equal("cancelled", page.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.Contains("No errors, and nothing was sent.", page.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No events", page.QuerySelector("#events")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No server-side sampler ran", page.QuerySelector("#server")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No baseline", page.QuerySelector("#baseline")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<IHtmlDocument> RenderAsync(RunReport report, string? view = null)
    {
        var folder = Directory.CreateTempSubdirectory("pitchey-report-").FullName;
        try
        {
            var path = Path.Combine(folder, HtmlReportWriter.Name);
            await new HtmlReportWriter().WriteAsync(report, path, CancellationToken.None);
            return await RenderAsync(path, view);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The DOM Chromium leaves after the page's script ran, parsed strictly: it is well formed.</summary>
    private static async Task<IHtmlDocument> RenderAsync(string path, string? view = null)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        StrictHtml.Parse(await File.ReadAllTextAsync(path));
        var page = new UriBuilder(new Uri(path)) { Fragment = view is null ? "" : "view=" + view }.Uri;
        return StrictHtml.Parse(await ChromiumBrowser.DumpDomAsync(page, TimeSpan.FromSeconds(5)));
    }

    private static void AssertRendered(IHtmlDocument page)
    {
        var body = page.Body!;
        Assert.False(body.HasAttribute("data-error"), "script error: " + body.GetAttribute("data-error"));
        Assert.Equal("3", body.GetAttribute("data-rendered"));
        foreach (var kind in ChartKinds)
        {
            var chart = Chart(page, kind);
            Assert.Equal("img", chart.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector("title")?.TextContent), $"the {kind} chart has no title");
        }

        // A drawing is a frame and more: lines, dots, ticks, or the "no data" text.
        Assert.All(page.QuerySelectorAll("svg"), svg => Assert.True(svg.QuerySelectorAll("path, circle, text, line, rect").Length >= 2, "an empty SVG"));
    }

    private static IElement Chart(IHtmlDocument page, string kind) => Assert.Single(page.QuerySelectorAll($"svg[data-chart='{kind}']"));

    private static int Lines(IHtmlDocument page, string kind) => Chart(page, kind).QuerySelectorAll("g[data-line]").Length;
}
