using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// The arguments and options of the <c>migrate</c> sub-commands, each defined once (the shared
/// <c>--connection</c> and <c>--config-dir</c> are <see cref="CommonOptions"/>). Values are checked
/// while parsing, so a wrong one is a usage error (64) that names the option.
/// </summary>
internal static class MigrateOptions
{
    public static Argument<string> File { get; } = new("file")
    {
        Description = "the strategy file: SQL statements, `-- phase: N name` and `-- query: name` markers",
    };

    public static Option<bool> Strict { get; } = new("--strict") { Description = "warnings count as errors (exit 2)" };

    public static Option<string?> Schema { get; } = new("--schema")
    {
        Description = "schema file to lint against without a database (default: <config-dir>/sql/schema.sql)",
        HelpName = "file",
    };

    public static Option<string?> Queries { get; } = new("--queries")
    {
        Description = "representative queries from another file (every statement is one)",
        HelpName = "file",
    };

    public static Option<int?> Phase { get; } = new("--phase")
    {
        Description = "only phase N (the preamble's session settings still apply)",
        HelpName = "N",
        CustomParser = result => PositiveInteger(result, int.MaxValue) is { } value ? (int)value : null,
    };

    public static Option<long?> ToStep { get; } = new("--to")
    {
        Description = "drop only what history steps after STEP built (see `migrate status`)",
        HelpName = "STEP",
        CustomParser = result => PositiveInteger(result, long.MaxValue),
    };

    public static Option<string[]> Replica { get; } = new("--replica")
    {
        Description = "Npgsql connection string of a replica whose lag the throttle watches; repeat for each (default: Database:Replicas, "
            + "else pg_stat_replication on the primary; never printed)",
        HelpName = "npgsql",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<TimeSpan?> LockTimeout { get; } = new("--lock-timeout")
    {
        Description = "override Migrations:LockTimeout, e.g. 500ms, 2s, 1m or 00:00:02",
        HelpName = "duration",
        CustomParser = Duration,
    };

    public static Option<TimeSpan?> LockBudget { get; } = new("--lock-budget")
    {
        Description = "override Migrations:LockRetryBudget, e.g. 30s, 5m or 00:05:00",
        HelpName = "duration",
        CustomParser = Duration,
    };

    /// <summary>Reads a duration the way every verb does (<see cref="CliDuration"/>); null when it is none.</summary>
    internal static TimeSpan? ParseDuration(string value) => CliDuration.Parse(value);

    private static TimeSpan? Duration(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (ParseDuration(value) is { } duration)
        {
            return duration;
        }

        result.AddError($"{OptionName(result)} must be a duration such as 500ms, 2s, 5m (got '{value}')");
        return null;
    }

    private static long? PositiveInteger(ArgumentResult result, long max)
    {
        var value = result.Tokens[0].Value;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= max)
        {
            return number;
        }

        result.AddError($"{OptionName(result)} must be a positive whole number (got '{value}')");
        return null;
    }

    private static string OptionName(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;
}
