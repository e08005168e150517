using System.Globalization;

namespace Pitchey.Gateway.Cli;

/// <summary>The parsed command line of <c>migrate</c>. <see cref="Error"/> is set (and names the argument) when it is wrong.</summary>
internal sealed record MigrateArguments
{
    public const string Usage = """
        usage: Pitchey.Gateway migrate <command> [options]
          lint <file>        check a strategy file (exit 0 clean, 1 warnings, 2 errors; --strict: warnings are errors)
          plan <file>        show what apply would do, phase by phase, with table sizes and rollbacks
          apply <file>       build the indexes CONCURRENTLY, resumable (--phase N: one phase only)
          status             history of applied steps, and every INVALID index in the database
          rollback           drop what this tool built, newest first (--phase N | --to STEP)
          verify <file>      EXPLAIN the file's `-- query:` queries (or --queries <file>)
        options:
          --connection "<npgsql connection string>"   default: Database:Primary from the gateway's settings
          --config-dir <dir>     settings folder (default: config/ beside the binary, or PITCHEY_CONFIG_DIR)
          --schema <file>        schema for lint without a database (default: <config-dir>/sql/schema.sql)
          --strict               lint: warnings count as errors
          --phase N              plan/apply/rollback: only phase N
          --to STEP              rollback: drop what steps after STEP built
          --queries <file>       verify: representative queries from another file
          --lock-timeout 2s      override Migrations:LockTimeout (ms, s, m suffixes)
          --lock-budget 5m       override Migrations:LockRetryBudget
        exit codes: 0 ok, 1 warnings/conflicts/findings, 2 errors or a failed step, 64 usage, 78 bad settings,
                    69 database unreachable, 130 cancelled (Ctrl-C)
        """;

    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { "lint", "plan", "apply", "status", "rollback", "verify" };

    public string Command { get; init; } = "";

    public string? File { get; init; }

    public string? Connection { get; init; }

    public string? ConfigDir { get; init; }

    public string? Schema { get; init; }

    public string? Queries { get; init; }

    public bool Strict { get; init; }

    public int? Phase { get; init; }

    public long? ToStep { get; init; }

    public TimeSpan? LockTimeout { get; init; }

    public TimeSpan? LockBudget { get; init; }

    public string? Error { get; init; }

    public static MigrateArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return new MigrateArguments { Error = "a command is required" };
        }

        if (!Commands.Contains(args[0]))
        {
            return new MigrateArguments { Error = $"unknown command '{args[0]}'" };
        }

        var result = new MigrateArguments { Command = args[0] };
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{arg} needs a value");
                }

                return args[++i];
            }

            try
            {
                result = arg switch
                {
                    "--connection" => result with { Connection = Value() },
                    "--config-dir" => result with { ConfigDir = Value() },
                    "--schema" => result with { Schema = Value() },
                    "--queries" => result with { Queries = Value() },
                    "--strict" => result with { Strict = true },
                    "--phase" => result with { Phase = PositiveInt(arg, Value()) },
                    "--to" => result with { ToStep = PositiveInt(arg, Value()) },
                    "--lock-timeout" => result with { LockTimeout = Duration(arg, Value()) },
                    "--lock-budget" => result with { LockBudget = Duration(arg, Value()) },
                    _ when arg.StartsWith('-') => throw new FormatException($"unknown option '{arg}'"),
                    _ when result.File is null => result with { File = arg },
                    _ => throw new FormatException($"unexpected argument '{arg}'"),
                };
            }
            catch (FormatException exception)
            {
                return result with { Error = exception.Message };
            }
        }

        var needsFile = result.Command is "lint" or "plan" or "apply" or "verify";
        if (needsFile && result.File is null)
        {
            return result with { Error = $"migrate {result.Command} needs a <file>" };
        }

        if (!needsFile && result.File is not null)
        {
            return result with { Error = $"migrate {result.Command} takes no file (got '{result.File}')" };
        }

        if (result.Phase is not null && result.ToStep is not null)
        {
            return result with { Error = "--phase and --to cannot be combined" };
        }

        return result;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{name} must be a positive whole number (got '{value}')");

    /// <summary>Reads <c>500ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c> or a TimeSpan such as <c>00:00:02</c>.</summary>
    internal static TimeSpan Duration(string name, string value)
    {
        (string number, double scale) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => (value[..^2], 1.0),
            _ when value.EndsWith('s') => (value[..^1], 1000.0),
            _ when value.EndsWith('m') => (value[..^1], 60_000.0),
            _ when value.EndsWith('h') => (value[..^1], 3_600_000.0),
            _ => ("", 0),
        };
        if (scale > 0 && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return TimeSpan.FromMilliseconds(amount * scale);
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw new FormatException($"{name} must be a duration such as 500ms, 2s, 5m (got '{value}')");
    }
}
