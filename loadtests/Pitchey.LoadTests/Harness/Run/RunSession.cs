using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;
using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;
using Pitchey.LoadTests.Harness.ServerSide;
using Pitchey.LoadTests.Harness.Thresholds;
using Spectre.Console;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>
/// One <c>run</c> from checked settings to exit code: the targets must answer, the scenario builds
/// its plan, the samplers start with the measured window (before the first request when there is no
/// warm-up), timed actions fire on time, the engine runs, the samplers stop, and the report is judged
/// (thresholds, baseline), printed and written. Exit 0, 3 (<see cref="ExitCodes.ThresholdsNotMet"/>)
/// or 130 (cancelled, after the partial report).
/// </summary>
internal sealed class RunSession(RunSettings settings, IScenario scenario, CliConsole console, NpgsqlDataSource? database, string? databaseConnection)
{
    private readonly RunEvents _events = new();

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (await RunTargets.CheckAsync(settings, cancellationToken) is { } unreachable)
        {
            await console.Error.WriteLineAsync($"run: {unreachable}");
            return ExitCodes.Unavailable;
        }

        RunReport? baseline = null;
        if (settings.Baseline is { } baselineFile)
        {
            baseline = await ReadBaselineAsync(baselineFile, cancellationToken);
            if (baseline is null)
            {
                return ExitCodes.DataError;
            }
        }

        using var control = new HttpClient { Timeout = RunConstants.DefaultTimeout };
        using var management = settings.Management is null ? null : await ManagementClient.CreateAsync(settings, cancellationToken);
        if (settings.Management is not null && management is null)
        {
            await console.Error.WriteLineAsync(
                $"run: --management needs the management API key: set {RunConstants.ApiKeyVariable} or pass --api-key-file (never the key itself)");
            return ExitCodes.Usage;
        }

        ScenarioPlan plan;
        try
        {
            plan = await scenario.PrepareAsync(new ScenarioContext(settings, control, database, _events, management), cancellationToken);
        }
        catch (ScenarioException exception)
        {
            await console.Error.WriteLineAsync($"run: {exception.Message}");
            return exception.ExitCode;
        }

        if (ThresholdJudge.Check(settings.Thresholds, plan.Labels) is { } thresholdError)
        {
            await console.Error.WriteLineAsync($"run: {thresholdError}");
            return ExitCodes.Usage;
        }

        var samplers = new List<IServerSideSampler>(plan.Samplers);
        if (settings.StandIn is { } standIn)
        {
            samplers.Add(JsonCounterSampler.StandIn(control, standIn));
        }

        if (databaseConnection is not null)
        {
            samplers.Add(new PostgresSampler(databaseConnection));
        }

        try
        {
            return await MeasureAsync(plan, samplers, baseline, cancellationToken);
        }
        finally
        {
            foreach (var sampler in samplers)
            {
                await sampler.DisposeAsync();
            }

            foreach (var figures in plan.Figures ?? [])
            {
                await figures.DisposeAsync();
            }
        }
    }

    private async Task<int> MeasureAsync(ScenarioPlan plan, List<IServerSideSampler> samplers, RunReport? baseline, CancellationToken cancellationToken)
    {
        var enginePlan = new EnginePlan(
            settings.Model, settings.Rate, settings.Connections, settings.Warmup, settings.Duration, settings.MaxRequests,
            settings.Timeout, settings.Seed, RunTargets.Encode(settings, plan), settings.Slice, plan.Labels, RequestObservers.Of(plan.Figures ?? []));
        var figures = plan.Figures ?? [];
        await console.Output.WriteLineAsync(Header(plan));
        var loadAverage = LoadAverage();
        var startedAt = DateTimeOffset.UtcNow;

        // Without a warm-up the samplers read before the first request, so their counts cover exactly the window's load.
        var startSamplers = settings.Warmup == TimeSpan.Zero ? StartAllAsync(samplers, figures, cancellationToken) : null;
        if (startSamplers is not null)
        {
            await startSamplers;
        }

        var background = new List<Task>();
        var terminal = Terminal();
        var cost = ClientCost.Start();
        var result = await RunProgress.RunAsync(terminal, console.Interactive, console.Output, progress => LoadEngine.RunAsync(
            enginePlan,
            marks =>
            {
                _events.StartsAt(marks.WindowStart);
                var untilWindow = TimeSpan.FromSeconds(EngineTime.Seconds(marks.WindowStart - EngineTime.Now));
                if (startSamplers is null)
                {
                    background.Add(AtAsync(untilWindow, () => StartAllAsync(samplers, figures, cancellationToken), cancellationToken));
                }

                foreach (var action in plan.Actions)
                {
                    background.Add(AtAsync(untilWindow + (settings.Duration * Math.Clamp(action.At, 0, 1)), () => ActAsync(action, cancellationToken), cancellationToken));
                }
            },
            progress,
            cancellationToken));
        var client = cost.Stop(result.AllSent, SocketEngine.Describe());
        await Task.WhenAll(background.Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));
        await Task.WhenAll(figures.Select(source => source.EndAsync(CancellationToken.None)));

        if (samplers.OfType<PostgresSampler>().FirstOrDefault() is { } postgres)
        {
            await console.Output.WriteLineAsync($"run: waiting {postgres.Settle.TotalSeconds:0} s for PostgreSQL to publish its statistics");
        }

        var serverSide = await Task.WhenAll(samplers.Select(sampler => sampler.StopAsync(CancellationToken.None)));
        var targets = ReportBuilder.Targets(result, settings.Targets);
        var statements = samplers.OfType<PostgresSampler>().FirstOrDefault()?.AllStatements ?? [];
        var results = new RunResults(plan.Labels, targets, serverSide, statements, result.WindowSeconds);
        var report = new RunReport(
            RunReport.CurrentSchemaVersion,
            scenario.Name,
            scenario.Description,
            startedAt,
            SettingsReport(),
            new MachineReport(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, PreciseSleep.Precise, loadAverage),
            client,
            Math.Round(result.WindowSeconds, 3),
            result.EndedBy,
            targets,
            ReportBuilder.WithRequestsPer(serverSide, targets.Sum(target => target.Total.Sent)),
            _events.All,
            ThresholdJudge.Judge(settings.Thresholds, targets[0]),
            null,
            true,
            ExitCodes.Ok,
            [.. figures.Select(source => source.Report(results))]);
        if (baseline is not null)
        {
            report = report with { Baseline = BaselineComparison.Compare(report, baseline, settings.Baseline!, settings.BaselineTolerance) };
        }

        var passed = report.Thresholds.All(threshold => threshold.Passed) && report.Baseline?.Passed != false;
        var exit = result.EndedBy == EndReasons.Cancelled ? ExitCodes.Cancelled : passed ? ExitCodes.Ok : ExitCodes.ThresholdsNotMet;
        report = report with { Passed = passed, ExitCode = exit };

        ConsoleReport.Write(terminal, report);
        if (settings.Out is { } folder)
        {
            foreach (var file in await ReportWriters.WriteAllAsync(report, folder, CancellationToken.None))
            {
                await console.Output.WriteLineAsync($"run: wrote {file}");
            }
        }

        await console.Output.WriteLineAsync(exit switch
        {
            ExitCodes.Ok => "run: passed",
            ExitCodes.Cancelled => "run: cancelled; the figures cover the window until then",
            _ => "run: FAILED: a threshold or the baseline comparison did not hold (exit 3)",
        });
        return exit;
    }

    private static Task StartAllAsync(List<IServerSideSampler> samplers, IReadOnlyList<IScenarioFigures> figures, CancellationToken cancellationToken) =>
        Task.WhenAll(samplers.Select(sampler => sampler.StartAsync(cancellationToken)).Concat(figures.Select(source => source.StartAsync(cancellationToken))));

    private async Task ActAsync(TimedAction action, CancellationToken cancellationToken)
    {
        try
        {
            _events.Add(action.Name, await action.RunAsync(cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _events.Add(action.Name, $"failed: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private static async Task AtAsync(TimeSpan delay, Func<Task> work, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        await work();
    }

    private async Task<RunReport?> ReadBaselineAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonReportWriter.ReadAsync(file, cancellationToken)
                ?? throw new System.Text.Json.JsonException("empty");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await console.Error.WriteLineAsync($"run: --baseline {file} is not a readable report.json ({exception.Message})");
            return null;
        }
    }

    private string Header(ScenarioPlan plan)
    {
        var load = settings.Model == LoadModel.Open
            ? $"open model, {Figures.Rate(settings.Rate)} requests/s over {settings.Connections} connections"
            : $"closed model, {settings.Connections} connections as fast as possible";
        var targets = string.Join(", ", settings.Targets);
        return string.Create(CultureInfo.InvariantCulture,
            $"run: {scenario.Name} ({string.Join(", ", plan.Labels)}), {load}, {settings.Duration.TotalSeconds:0.###} s after {settings.Warmup.TotalSeconds:0.###} s warm-up, against {targets}");
    }

    private RunSettingsReport SettingsReport() => new(
        settings.Model == LoadModel.Open ? "open" : "closed",
        settings.Target.ToString(),
        [.. settings.Compare.Select(uri => uri.ToString())],
        settings.Model == LoadModel.Open ? settings.Rate : null,
        settings.Connections,
        settings.Duration.TotalSeconds,
        settings.Warmup.TotalSeconds,
        settings.MaxRequests,
        settings.Timeout.TotalMilliseconds,
        settings.Seed,
        settings.Compare.Count > 0 ? settings.Slice.TotalMilliseconds : null,
        settings.Path,
        [.. settings.Thresholds.Select(threshold => threshold.Expression)],
        settings.Baseline);

    private IAnsiConsole Terminal()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Output),
            Ansi = console.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = console.Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!console.Interactive)
        {
            terminal.Profile.Width = 200; // Markdown tables on a pipe: never wrapped
        }

        return terminal;
    }

    private static double? LoadAverage()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            return text is not null && double.TryParse(text.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
