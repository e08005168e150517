using System.Globalization;
using Npgsql;
using Pitchey.Database.Seeding;
using Pitchey.Gateway.Configuration;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// <c>seed</c>: loads a generated data set with binary COPY into a database that has the schema.
/// <code>
/// seed [--pitches N] [--users N] [--sessions N] [--views N] [--connection CS] [--tokens-file PATH]
///      [--hashed-tokens] [--reset] [--benchmark-scale]
/// </code>
/// Defaults: the demo's small data set (2,000 users, 20,000 pitches, 5,000 sessions, 50,000 views).
/// The connection string comes from --connection, else <c>Database:Primary</c> in the gateway's settings.
/// </summary>
internal static class SeedVerb
{
    public const string Name = "seed";

    private const string Usage =
        "usage: seed [--pitches N] [--users N] [--sessions N] [--views N] [--connection CS] [--tokens-file PATH] " +
        "[--hashed-tokens] [--reset] [--benchmark-scale]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"seed: {error}\n{Usage}");
            return ExitCodes.Usage;
        }

        var connection = CliDatabase.ConnectionString(options.Connection, GatewayConfiguration.ForVerbs(configDir: null));
        if (string.IsNullOrWhiteSpace(connection))
        {
            await Console.Error.WriteLineAsync("seed: no database: pass --connection or set Database:Primary (environment: Database__Primary)");
            return ExitCodes.Usage;
        }

        await using var dataSource = CliDatabase.TryCreate(
            connection, options.Connection is not null, "pitchey-seed", unboundedCommands: true, out var invalid);
        if (dataSource is null)
        {
            await Console.Error.WriteLineAsync($"seed: {invalid}");
            return ExitCodes.Config;
        }

        var seeder = new DataSeeder(dataSource, TimeProvider.System, Console.WriteLine);
        try
        {
            if (options.Reset)
            {
                await seeder.TruncateAsync(CancellationToken.None);
            }
            else if (await seeder.HasDataAsync(CancellationToken.None))
            {
                await Console.Error.WriteLineAsync("seed: the database already has users or pitches; pass --reset to replace them");
                return ExitCodes.DataError;
            }

            var result = await seeder.RunAsync(options.Plan, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: done in {result.Elapsed.TotalSeconds:F1} s"));
            if (options.TokensFile is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await WriteOwnerOnlyAsync(path, [.. result.CreatorTokens, .. result.OtherTokens]);

                Console.WriteLine($"seed: {result.CreatorTokens.Count + result.OtherTokens.Count} live session tokens (creators first) in {path}");
            }

            if (result.CreatorTokens.Count > 0)
            {
                // A demo token for a demo database, printed on purpose so people can try the endpoints.
                Console.WriteLine($"seed: a creator's session token: {result.CreatorTokens[0]}");
            }

            return 0;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"seed: failed: {Database.DataSources.DatabaseErrors.Describe(exception)}" +
                (exception is PostgresException postgres ? $" ({postgres.MessageText})" : ""));
            return 1;
        }
    }

    /// <summary>Live session tokens: the file is the owner's alone from its first byte, not after.</summary>
    private static async Task WriteOwnerOnlyAsync(string path, IEnumerable<string> lines)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        await using var writer = new StreamWriter(path, options);
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(line);
        }
    }

    internal sealed record SeedArguments(SeedPlan Plan, string? Connection, string? TokensFile, bool Reset);

    internal static bool TryParse(string[] args, out SeedArguments options, out string? error)
    {
        var plan = SeedPlan.Demo;
        string? connection = null;
        string? tokensFile = null;
        var reset = false;
        options = new SeedArguments(plan, connection, tokensFile, reset);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--hashed-tokens":
                    plan = plan with { HashedTokens = true };
                    continue;
                case "--reset":
                    reset = true;
                    continue;
                case "--benchmark-scale":
                    plan = SeedPlan.Benchmark with { HashedTokens = plan.HashedTokens };
                    continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{arg} needs a value";
                return false;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--connection":
                    connection = value;
                    break;
                case "--tokens-file":
                    tokensFile = value;
                    break;
                case "--pitches" or "--users" or "--sessions" or "--views":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                    {
                        error = $"{arg} must be a non-negative integer, got '{value}'";
                        return false;
                    }

                    plan = arg switch
                    {
                        "--pitches" => plan with { Pitches = count },
                        "--users" => plan with { Users = count },
                        "--sessions" => plan with { Sessions = count },
                        _ => plan with { Views = count },
                    };
                    break;
                default:
                    error = $"unknown option '{arg}'";
                    return false;
            }
        }

        if (plan.Users < 10)
        {
            error = "--users must be at least 10";
            return false;
        }

        options = new SeedArguments(plan, connection, tokensFile, reset);
        error = null;
        return true;
    }
}
