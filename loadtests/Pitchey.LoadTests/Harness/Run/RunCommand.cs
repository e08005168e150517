using System.CommandLine;
using Pitchey.Gateway.Cli;
using Pitchey.Gateway.Configuration;
using Pitchey.LoadTests.Cli;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Scenarios;
using Pitchey.LoadTests.Harness.Thresholds;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>
/// <c>run &lt;scenario&gt; --target &lt;url&gt; [--rate N | --connections N] --duration 30s ...</c>: a bounded
/// load against a loopback target, open model by default (wrk2's definition) or closed with
/// <c>--connections</c> alone; live progress, a summary, <c>report.json</c>, thresholds and a baseline.
/// The database (<c>--connection</c> or <c>Database:Primary</c>) is optional: with one, its figures go
/// beside the client's.
/// </summary>
internal sealed class RunCommand : Command
{
    public const string CommandName = "run";

    private readonly RunOptions _options = new();

    public RunCommand()
        : base(CommandName, "load a target on this machine with a scenario and measure it (client and server side)")
    {
        Arguments.Add(_options.Scenario);
        foreach (var option in new Option[]
        {
            _options.Target, _options.Rate, _options.Connections, _options.Duration, _options.Warmup, _options.Out, _options.Thresholds,
            _options.Baseline, _options.BaselineTolerance, _options.Compare, _options.MaxRequests, _options.Timeout, _options.Seed,
            _options.Slice, _options.StandIn, _options.Management, _options.ApiKeyFile, _options.Path, _options.TokensFile,
            _options.PrimaryData, _options.ReplicaData, _options.PgBin, _options.TargetPid,
        })
        {
            Options.Add(option);
        }

        VerbDatabase.AddOptions(this);
        SetAction(RunAsync);
    }

    /// <summary>The settings the command line asks for: the open model unless --connections comes without --rate.</summary>
    public RunSettings Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var rateGiven = parse.GetResult(_options.Rate) is { Implicit: false };
        var connectionsGiven = parse.GetResult(_options.Connections) is { Implicit: false };
        var model = connectionsGiven && !rateGiven ? LoadModel.Closed : LoadModel.Open;
        var scenario = ScenarioRegistry.Find(parse.GetRequiredValue(_options.Scenario));
        var duration = parse.GetResult(_options.Duration) is { Implicit: false } || scenario?.DefaultDuration is not { } longer
            ? parse.GetValue(_options.Duration)
            : longer;
        return new RunSettings(
            parse.GetRequiredValue(_options.Scenario),
            parse.GetRequiredValue(_options.Target),
            parse.GetValue(_options.Compare) ?? [],
            model,
            model == LoadModel.Open ? parse.GetValue(_options.Rate) : 0,
            parse.GetValue(_options.Connections),
            duration,
            parse.GetValue(_options.Warmup),
            parse.GetValue(_options.Out),
            [.. (parse.GetValue(_options.Thresholds) ?? []).Select(text => ThresholdParser.Parse(text, out _)!)],
            parse.GetValue(_options.Baseline),
            parse.GetValue(_options.BaselineTolerance),
            parse.GetValue(_options.MaxRequests),
            parse.GetValue(_options.Timeout),
            parse.GetValue(_options.Seed),
            parse.GetValue(_options.Slice),
            parse.GetValue(_options.StandIn),
            parse.GetValue(_options.Path),
            parse.GetValue(_options.TokensFile),
            parse.GetValue(_options.Management),
            parse.GetValue(_options.ApiKeyFile),
            parse.GetValue(_options.PrimaryData),
            parse.GetValue(_options.ReplicaData),
            parse.GetValue(_options.PgBin),
            parse.GetResult(_options.TargetPid) is { Implicit: false } ? parse.GetValue(_options.TargetPid) : null);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = Bind(parse);
        var error = parse.InvocationConfiguration.Error;
        var scenario = ScenarioRegistry.Find(settings.Scenario)!;
        if (scenario.Validate(settings) is { } invalid)
        {
            await error.WriteLineAsync($"run: {invalid}");
            return ExitCodes.Usage;
        }

        var console = new CliConsole(parse.InvocationConfiguration.Output, error, Interactive: IsTerminal(parse));
        var argument = parse.GetValue(CommonOptions.Connection);
        var connection = CliDatabase.ConnectionString(argument, GatewayConfiguration.ForVerbs(parse.GetValue(CommonOptions.ConfigDir)));
        if (string.IsNullOrWhiteSpace(connection))
        {
            return await new RunSession(settings, scenario, console, null, null).RunAsync(cancellationToken);
        }

        await using var database = CliDatabase.TryCreate(connection, argument is not null, "pitchey-run", unboundedCommands: false, out var malformed);
        if (database is null)
        {
            await error.WriteLineAsync($"run: {malformed}");
            return ExitCodes.Config;
        }

        return await new RunSession(settings, scenario, console, database, connection).RunAsync(cancellationToken);
    }

    // The runner's console is the process's own when its writer is Console.Out.
    private static bool IsTerminal(ParseResult parse) =>
        ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out) && !Console.IsOutputRedirected;
}
