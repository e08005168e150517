using System.CommandLine;
using System.Globalization;
using Npgsql;
using Pitchey.Gateway.Cli;
using Pitchey.Gateway.Configuration;
using Pitchey.LoadTests.Cli;
using Pitchey.LoadTests.Seeding;

namespace Pitchey.LoadTests.Benchmarks;

/// <summary>
/// <c>bench</c>: seeds a database (default 1,000,000 pitches), runs every tuned query many times
/// without the index strategy and then with it, and prints median and p99 per query and the ratio.
/// Times are per call of the query code the gateway runs, on an open pooled connection over
/// loopback: server execution plus one round trip and decoding (an upper bound of server time).
/// The database should be empty unless --skip-seed is given (then its data is used as it is).
/// </summary>
internal sealed class BenchCommand : Command
{
    public const string CommandName = "bench";

    /// <summary>The scenarios need a pitch to page, search and show on a dashboard.</summary>
    private const int MinimumPitches = 1;

    private const int DefaultIterations = 200;

    /// <summary>Runs without the indexes: a tenth of the iterations, at least this many (they are slow).</summary>
    private const int MinimumUnindexedRuns = 10;

    private readonly SeedPlanOptions _plan = new(SeedPlan.Benchmark, MinimumPitches);

    private readonly Option<int> _iterations = CountOption.Create(
        "--iterations", "timed runs per query with the index strategy (a tenth, at least 10, without it)", DefaultIterations, 1);

    private readonly Option<bool> _skipSeed = new("--skip-seed") { Description = "measure the data already in the database instead of seeding an empty one" };

    private readonly Option<bool> _skipUnindexed = new("--skip-unindexed") { Description = "measure only with the index strategy" };

    private readonly Option<string?> _out = new("--out") { Description = "also write the report (Markdown) to this file", HelpName = "file" };

    public BenchCommand()
        : base(CommandName, "time every tuned query without, then with, the index strategy (config/sql/indexes.sql)")
    {
        foreach (var option in _plan.All)
        {
            Options.Add(option);
        }

        Options.Add(_iterations);
        Options.Add(_skipSeed);
        Options.Add(_skipUnindexed);
        Options.Add(_out);
        VerbDatabase.AddOptions(this);
        SetAction(RunAsync);
    }

    public BenchArguments Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new BenchArguments(
            _plan.Apply(parse, SeedPlan.Benchmark), parse.GetValue(_iterations), parse.GetValue(_skipSeed), parse.GetValue(_skipUnindexed), parse.GetValue(_out));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var arguments = Bind(parse);
        var console = parse.InvocationConfiguration;
        var file = Path.Combine(GatewayConfiguration.ConfigDirectory(parse.GetValue(CommonOptions.ConfigDir)), IndexStrategy.RelativePath);
        if (!File.Exists(file))
        {
            await console.Error.WriteLineAsync($"bench: the index strategy {file} is missing (--config-dir names the settings folder)");
            return ExitCodes.Config;
        }

        var strategy = await IndexStrategy.ReadAsync(file, cancellationToken);
        return await VerbDatabase.RunAsync(
            parse,
            CommandName,
            dataSource => BenchAsync(arguments, strategy, dataSource, console, cancellationToken),
            $"some indexes of the strategy may be missing; migrate apply {file} builds them",
            cancellationToken);
    }

    private static async Task<int> BenchAsync(
        BenchArguments arguments, IndexStrategy strategy, NpgsqlDataSource dataSource, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var output = TextWriter.Synchronized(console.Output);
        if (!arguments.SkipSeed)
        {
            var seeder = new DataSeeder(dataSource, TimeProvider.System, output.WriteLine);
            if (await seeder.HasDataAsync(cancellationToken))
            {
                // Checked before anything is dropped: a database with data keeps its indexes.
                await console.Error.WriteLineAsync("bench: the database already has data; empty it or pass --skip-seed");
                return ExitCodes.DataError;
            }

            // Seeding into a table without secondary indexes is much faster; the indexes come later.
            // The seeder ends with VACUUM (ANALYZE), so the unindexed run needs nothing more.
            await strategy.DropAsync(dataSource, cancellationToken);
            var seeded = await seeder.RunAsync(arguments.Plan, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bench: seeded in {seeded.Elapsed.TotalSeconds:F0} s"));
        }
        else
        {
            await strategy.DropAsync(dataSource, cancellationToken);
            await dataSource.ExecuteAsync("ANALYZE", cancellationToken);
        }

        var scenarios = await BenchScenarios.CreateAsync(dataSource, cancellationToken);
        List<QueryTiming>? without = null;
        if (!arguments.SkipUnindexed)
        {
            await output.WriteLineAsync("bench: without the index strategy");
            without = await Measurement.MeasureAsync(
                scenarios, Math.Max(MinimumUnindexedRuns, arguments.Iterations / 10), output, cancellationToken);
        }

        await strategy.BuildAsync(dataSource, output, cancellationToken);
        await output.WriteLineAsync("bench: with the index strategy");
        var with = await Measurement.MeasureAsync(scenarios, arguments.Iterations, output, cancellationToken);

        var report = BenchReport.Render(await BenchReport.ScaleAsync(dataSource, cancellationToken), without, with);
        await output.WriteLineAsync(report);
        if (arguments.Out is { } path)
        {
            await File.WriteAllTextAsync(path, report, cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
