using System.Text.Json;
using Pitchey.Gateway.Cli;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// One <c>run</c> of the harness, in-process through the tool's own runner, with a report folder of
/// its own: the exit code, what it printed, and report.json parsed. Removed with the instance.
/// </summary>
internal sealed class HarnessRun : IDisposable
{
    private HarnessRun(string folder) => Folder = folder;

    public string Folder { get; }

    public int Exit { get; private set; }

    public string Output { get; private set; } = "";

    public string Error { get; private set; } = "";

    public string ReportPath => Path.Combine(Folder, "report.json");

    public JsonElement Report { get; private set; }

    /// <summary>Runs <c>run</c> with <paramref name="arguments"/> and <c>--out</c> this run's folder.</summary>
    public static async Task<HarnessRun> StartAsync(params string[] arguments)
    {
        var run = new HarnessRun(Directory.CreateTempSubdirectory("pitchey-run-").FullName);
        using var output = new StringWriter();
        using var error = new StringWriter();
        run.Exit = await CliRunner.RunAsync(
            LoadTestCommand.Create(), ["run", .. arguments, "--out", run.Folder], new CliConsole(output, error, Interactive: false), CancellationToken.None);
        run.Output = output.ToString();
        run.Error = error.ToString();
        if (File.Exists(run.ReportPath))
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(run.ReportPath));
            run.Report = document.RootElement.Clone();
        }

        return run;
    }

    public IEnumerable<JsonElement> Targets => Report.GetProperty("targets").EnumerateArray();

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>The counts of one series add up: ok + errors = sent, its timeline to its totals, and its percentiles are there, in order.</summary>
    public static void AssertConsistent(JsonElement series)
    {
        var sent = series.GetProperty("sent").GetInt64();
        Assert.True(sent > 0, "nothing was sent");
        Assert.Equal(sent, series.GetProperty("ok").GetInt64() + series.GetProperty("errors").GetProperty("total").GetInt64());
        var timeline = series.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(sent, timeline.Sum(point => point.GetProperty("completed").GetInt64()));
        Assert.Equal(series.GetProperty("ok").GetInt64(), timeline.Sum(point => point.GetProperty("ok").GetInt64()));
        Assert.Equal(Enumerable.Range(0, timeline.Count), timeline.Select(point => point.GetProperty("second").GetInt32()));
        foreach (var name in new[] { "corrected", "uncorrected" })
        {
            var latency = series.GetProperty(name);
            Assert.Equal(sent, latency.GetProperty("count").GetInt64());
            var figures = new[] { "p50Us", "p90Us", "p99Us", "p999Us", "maxUs" }.Select(figure => latency.GetProperty(figure).GetInt64()).ToList();
            Assert.True(figures[0] > 0, $"{name} p50 is 0");
            Assert.Equal(figures.Order(), figures);
            var distribution = latency.GetProperty("distribution").EnumerateArray().ToList();
            Assert.NotEmpty(distribution);
            Assert.Equal(100, distribution[^1].GetProperty("percentile").GetDouble());
            Assert.Equal(sent, distribution[^1].GetProperty("count").GetInt64());
        }
    }

    /// <summary>A target's labels add up to its total.</summary>
    public static void AssertLabelsAddUp(JsonElement target)
    {
        var labels = target.GetProperty("labels").EnumerateArray().ToList();
        foreach (var figure in new[] { "sent", "ok", "late" })
        {
            Assert.Equal(target.GetProperty("total").GetProperty(figure).GetInt64(), labels.Sum(label => label.GetProperty(figure).GetInt64()));
        }

        Assert.Equal(
            target.GetProperty("total").GetProperty("errors").GetProperty("total").GetInt64(),
            labels.Sum(label => label.GetProperty("errors").GetProperty("total").GetInt64()));
    }

    /// <summary>
    /// The run passed and its one target's counts add up (<see cref="AssertConsistent"/>, <see cref="AssertLabelsAddUp"/>),
    /// every request of the open model's <paramref name="planned"/> sent or dropped. Gives the target.
    /// </summary>
    public JsonElement AssertOneTargetAddsUp(long planned)
    {
        Assert.True(Exit == ExitCodes.Ok, Output + Error);
        var target = Assert.Single(Targets);
        var total = target.GetProperty("total");
        AssertConsistent(total);
        AssertLabelsAddUp(target);
        Assert.Equal(planned, total.GetProperty("sent").GetInt64() + total.GetProperty("dropped").GetInt64());
        return target;
    }

    /// <summary>A scenario's figure set by name.</summary>
    public JsonElement FigureSet(string name) =>
        Report.GetProperty("figures").EnumerateArray().Single(set => set.GetProperty("name").GetString() == name);

    /// <summary>One value of a figure set; null when it was not measured.</summary>
    public double? Figure(string set, string value) =>
        FigureSet(set).GetProperty("values").EnumerateArray().Single(v => v.GetProperty("name").GetString() == value).GetProperty("value") is { ValueKind: JsonValueKind.Number } number
            ? number.GetDouble()
            : null;

    /// <summary>The events by name, in time order.</summary>
    public IReadOnlyList<(double At, string Name, string? Detail)> Events =>
        [.. Report.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("atSeconds").GetDouble(), e.GetProperty("name").GetString()!, e.GetProperty("detail").GetString()))];

    /// <summary>A per-second series of counts adds up, over its kinds, to what was sent: every request is in exactly one kind and one second.</summary>
    public static void AssertKindsAddUp(JsonElement set, long sent)
    {
        var series = set.GetProperty("series").EnumerateArray().Where(s => s.GetProperty("unit").GetString() == "count").ToList();
        Assert.NotEmpty(series);
        Assert.Equal(sent, (long)series.Sum(s => s.GetProperty("points").EnumerateArray().Sum(point => point.GetProperty("value").GetDouble())));
        Assert.Single(series.Select(s => s.GetProperty("points").GetArrayLength()).Distinct());
    }

    public static double Counter(JsonElement report, string sampler, string counter) =>
        report.GetProperty("serverSide").EnumerateArray().Single(side => side.GetProperty("name").GetString() == sampler)
            .GetProperty("counters").EnumerateArray().Single(c => c.GetProperty("name").GetString() == counter).GetProperty("value").GetDouble();
}
