using System.CommandLine;
using System.Globalization;
using Npgsql;
using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Cli;

namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// <c>seed</c>: loads a generated data set with binary COPY into a database that has the schema.
/// Defaults: the demo's small data set (2,000 users, 20,000 pitches, 5,000 sessions, 50,000 views);
/// <c>--benchmark-scale</c> loads the benchmark's, and counts given on the command line win over either.
/// </summary>
internal sealed class SeedCommand : Command
{
    public const string CommandName = "seed";

    private readonly SeedPlanOptions _plan = new(SeedPlan.Demo, minimumPitches: 0);

    private readonly Option<string?> _tokensFile = new("--tokens-file")
    {
        Description = "write the live demo session tokens here, one per line (creators first); the file is readable by its owner only",
        HelpName = "path",
    };

    private readonly Option<bool> _hashedTokens = new("--hashed-tokens")
    {
        Description = "store the SHA-256 of each session token (for TunedQueries:HashedSessionTokens=true)",
    };

    private readonly Option<bool> _reset = new("--reset") { Description = "empty the seeded tables first instead of refusing a database with data" };

    private readonly Option<bool> _benchmarkScale = new("--benchmark-scale")
    {
        Description = "the benchmark's scale: 100,000 users, 1,000,000 pitches, 1,000,000 sessions, 5,000,000 views (counts given with it still win)",
    };

    public SeedCommand()
        : base(CommandName, "load a generated, skewed data set with binary COPY into a database that has the schema")
    {
        foreach (var option in _plan.All)
        {
            Options.Add(option);
        }

        Options.Add(_benchmarkScale);
        Options.Add(_hashedTokens);
        Options.Add(_tokensFile);
        Options.Add(_reset);
        VerbDatabase.AddOptions(this);
        SetAction((parse, cancellationToken) => VerbDatabase.RunAsync(
            parse,
            CommandName,
            dataSource => SeedAsync(Bind(parse), dataSource, parse.InvocationConfiguration, cancellationToken),
            "the database may hold part of the data set; seed --reset starts over",
            cancellationToken));
    }

    public SeedArguments Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var scale = parse.GetValue(_benchmarkScale) ? SeedPlan.Benchmark : SeedPlan.Demo;
        var plan = _plan.Apply(parse, scale) with { HashedTokens = parse.GetValue(_hashedTokens) };
        return new SeedArguments(plan, parse.GetValue(_tokensFile), parse.GetValue(_reset));
    }

    private static async Task<int> SeedAsync(
        SeedArguments arguments, NpgsqlDataSource dataSource, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        // The seeder reports from two table loads at once.
        var output = TextWriter.Synchronized(console.Output);
        var seeder = new DataSeeder(dataSource, TimeProvider.System, output.WriteLine);
        if (arguments.Reset)
        {
            await seeder.TruncateAsync(cancellationToken);
        }
        else if (await seeder.HasDataAsync(cancellationToken))
        {
            await console.Error.WriteLineAsync("seed: the database already has users or pitches; pass --reset to replace them");
            return ExitCodes.DataError;
        }

        var result = await seeder.RunAsync(arguments.Plan, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seed: done in {result.Elapsed.TotalSeconds:F1} s"));
        if (arguments.TokensFile is { } path)
        {
            await TokensFile.WriteAsync(path, [.. result.CreatorTokens, .. result.OtherTokens], cancellationToken);
            await output.WriteLineAsync($"seed: {result.CreatorTokens.Count + result.OtherTokens.Count} live session tokens (creators first) in {path}");
        }

        if (result.CreatorTokens.Count > 0)
        {
            // A demo token for a demo database, printed on purpose so people can try the endpoints.
            await output.WriteLineAsync($"seed: a creator's session token: {result.CreatorTokens[0]}");
        }

        return ExitCodes.Ok;
    }
}
