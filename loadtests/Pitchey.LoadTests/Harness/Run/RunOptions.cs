using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Pitchey.LoadTests.Cli;
using Pitchey.LoadTests.Harness.Scenarios;
using Pitchey.LoadTests.Harness.Thresholds;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>
/// <c>run</c>'s argument and options, each defined once with its default and range (see
/// <see cref="RunConstants"/>). Values are checked while parsing, so a wrong one is a usage error (64)
/// that names the option.
/// </summary>
internal sealed class RunOptions
{
    public Argument<string> Scenario { get; } = ScenarioArgument();

    /// <summary>--target: the base address (loopback only); required.</summary>
    public Option<Uri> Target { get; } = Address("--target", "base address of the system under test, on this machine (scenario paths are appended)", required: true);

    /// <summary>--rate: open model, requests per second over all connections. Default 1000 when neither it nor --connections is given.</summary>
    public Option<int> Rate { get; } = CountOption.Create(
        "--rate", "open model: requests per second over all connections (default 1000)", RunConstants.DefaultRate, 1, RunConstants.MaxRate);

    /// <summary>--connections: alone, the closed model (as fast as possible); with --rate, the open model's connections. Default 32.</summary>
    public Option<int> Connections { get; } = CountOption.Create(
        "--connections", "connections; alone it selects the closed model (as fast as possible), with --rate it spreads the rate (default 32)",
        RunConstants.DefaultConnections, 1, RunConstants.MaxConnections);

    public Option<TimeSpan> Duration { get; } = DurationOption.Create(
        "--duration", "the measured window", RunConstants.DefaultDuration, RunConstants.MinDuration, RunConstants.MaxDuration);

    public Option<TimeSpan> Warmup { get; } = DurationOption.Create(
        "--warmup", "load before the window, its results discarded", RunConstants.DefaultWarmup, TimeSpan.Zero, RunConstants.MaxWarmup);

    public Option<string?> Out { get; } = new("--out") { Description = "folder to write report.json into (created if missing)", HelpName = "dir" };

    /// <summary>--threshold (repeatable; --thresholds too): fails the run with exit 3 when it does not hold.</summary>
    public Option<string[]> Thresholds { get; } = ThresholdsOption();

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "an earlier report.json: print the deltas, fail (exit 3) on a regression beyond --baseline-tolerance or a threshold that held there",
        HelpName = "file",
    };

    public Option<double> BaselineTolerance { get; } = new("--baseline-tolerance")
    {
        Description = "how much worse p50, p99 and rps may be than the baseline before it is a regression, in % (default 20, 0..1000)",
        HelpName = "percent",
        DefaultValueFactory = _ => RunConstants.DefaultBaselineTolerance,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > RunConstants.MaxBaselineTolerance)
            {
                result.AddError($"--baseline-tolerance must be a percentage between 0 and {RunConstants.MaxBaselineTolerance}, got '{text}'");
            }

            return value;
        },
    };

    /// <summary>--compare: more loopback addresses measured in the same run (pass-through).</summary>
    public Option<Uri[]> Compare { get; } = Addresses("--compare", "more addresses measured in the same run, taking turns with --target in short slices (pass-through)");

    public Option<long> MaxRequests { get; } = new("--max-requests")
    {
        Description = $"requests the run may send at most, warm-up included; the window ends early when they are used up (default {RunConstants.DefaultMaxRequests}, 1..{RunConstants.MaxMaxRequests})",
        HelpName = "N",
        DefaultValueFactory = _ => RunConstants.DefaultMaxRequests,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > RunConstants.MaxMaxRequests)
            {
                result.AddError($"--max-requests must be a whole number from 1 to {RunConstants.MaxMaxRequests}, got '{text}'");
            }

            return value;
        },
    };

    public Option<TimeSpan> Timeout { get; } = DurationOption.Create(
        "--timeout", "longest wait for one whole response, connecting included", RunConstants.DefaultTimeout, RunConstants.MinTimeout, RunConstants.MaxTimeout);

    public Option<int> Seed { get; } = CountOption.Create("--seed", "seed of the random choice of requests (default 1)", RunConstants.DefaultSeed, 0);

    public Option<TimeSpan> Slice { get; } = DurationOption.Create(
        "--slice", "each target's turn with --compare", RunConstants.DefaultSlice, RunConstants.MinSlice, RunConstants.MaxSlice);

    /// <summary>--standin: the stand-in API (loopback), whose request count goes beside the client's.</summary>
    public Option<Uri> StandIn { get; } = Address("--standin", "the stand-in API's address: its request count during the window goes into the report", required: false);

    /// <summary>--management: the gateway's management listener (loopback), for figures only it gives (health-check runs).</summary>
    public Option<Uri> Management { get; } = Address(
        "--management", "the gateway's management listener: server-side figures such as health-check runs (the key: PITCHEY_ADMIN_KEY or --api-key-file)", required: false);

    /// <summary>--api-key-file: where the management key is; a key never goes on a command line.</summary>
    public Option<string?> ApiKeyFile { get; } = new("--api-key-file")
    {
        Description = $"file holding the management API key (./run.sh writes .pitchey/admin-key); default: the {RunConstants.ApiKeyVariable} environment variable",
        HelpName = "path",
    };

    public Option<string?> Path { get; } = new("--path") { Description = "the path a scenario sends, where it takes one (pass-through: default /api/pitches/1)", HelpName = "path" };

    public Option<string?> TokensFile { get; } = new("--tokens-file")
    {
        Description = "session tokens, one a line, for scenarios that send them (seed --tokens-file writes one)",
        HelpName = "path",
    };

    /// <summary>--primary-data: failover stops and starts the primary with pg_ctl on this data folder.</summary>
    public Option<string?> PrimaryData { get; } = new("--primary-data")
    {
        Description = "failover: the primary's data folder; pg_ctl stops it mid-run and starts it again (as the postgres user when root)",
        HelpName = "dir",
    };

    /// <summary>--replica-data: failover stops a replica first (and starts it again); none by default.</summary>
    public Option<string?> ReplicaData { get; } = new("--replica-data")
    {
        Description = "failover: a replica's data folder, stopped before the primary and started after it (default: no replica)",
        HelpName = "dir",
    };

    /// <summary>--pg-bin: where pg_ctl is.</summary>
    public Option<string?> PgBin { get; } = new("--pg-bin")
    {
        Description = "failover: the PostgreSQL bin folder holding pg_ctl (default: PG_BIN, else the newest /usr/lib/postgresql/N/bin)",
        HelpName = "dir",
    };

    /// <summary>--target-pid: the gateway's process id, for its memory.</summary>
    public Option<int> TargetPid { get; } = CountOption.Create(
        "--target-pid", "connections, soak: the gateway's process id; its VmRSS (/proc/<pid>/status) is sampled each second", 0, 1);

    private static Argument<string> ScenarioArgument()
    {
        var argument = new Argument<string>("scenario")
        {
            Description = "what to run: " + string.Join("; ", ScenarioRegistry.All.Select(scenario => $"{scenario.Name}: {scenario.Description}")),
        };
        argument.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (ScenarioRegistry.Find(name) is null)
            {
                result.AddError($"unknown scenario '{name}'; known: {string.Join(", ", ScenarioRegistry.Names)}");
            }
        });
        return argument;
    }

    private static Option<string[]> ThresholdsOption()
    {
        var option = new Option<string[]>("--threshold", "--thresholds")
        {
            Description = "a limit judged over the window, repeatable: p99<5ms, p50<=2ms, errors<0.1%, rps>20000, search.p99<50ms (a label's); not met: exit 3",
            HelpName = "expr",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (ThresholdParser.Parse(token.Value, out var error) is null)
                {
                    result.AddError($"--threshold: {error}");
                }
            }
        });
        return option;
    }

    private static Option<Uri> Address(string name, string description, bool required) => new(name)
    {
        Description = description,
        HelpName = "url",
        Required = required,
        CustomParser = result => Parse(result, name, result.Tokens[0].Value)!,
    };

    private static Option<Uri[]> Addresses(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "url",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => [.. result.Tokens.Select(token => Parse(result, name, token.Value)).OfType<Uri>()],
    };

    private static Uri? Parse(ArgumentResult result, string name, string text)
    {
        var uri = LoopbackAddress.Parse(text, name, out var error);
        if (error is not null)
        {
            result.AddError(error);
        }

        return uri;
    }
}
