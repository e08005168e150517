using System.CommandLine;
using Pitchey.Gateway.Cli.Migrate;
using Pitchey.Gateway.Cli.Probe;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// The gateway executable's verbs. <c>serve</c> (the default when no verb is given) runs the gateway;
/// every other verb is a one-shot command that returns an exit code. Features add their verb to
/// <see cref="Create"/>, one line each.
/// </summary>
internal static class Verbs
{
    public const string Serve = "serve";

    /// <summary>The verbs as one command tree (help and parse errors come from System.CommandLine).</summary>
    public static RootCommand Create(CliConsole console) => new("Pitchey Gateway: a database-aware reverse proxy")
    {
        // Listed for help and for the unknown-verb message only: serve's arguments reach the host
        // without being parsed here (see ServeArguments), so --urls and --Section:Key=value pass unchanged.
        new Command(Serve, "run the gateway (the default when no verb is given); every argument goes to the host")
        {
            TreatUnmatchedTokensAsErrors = false,
        },
        MigrateCommand.Create(console),
        ProbeCommand.Create(console),
    };

    /// <summary>Runs a one-shot verb if <paramref name="args"/> starts with one; null means "serve".</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (IsServe(args))
        {
            return null;
        }

        var console = CliConsole.System;
        using var cancellation = new CliCancellation(console.Error);
        return await RunAsync(args, console, cancellation.Token);
    }

    /// <summary>Runs the one-shot verb <paramref name="args"/> starts with; an unknown first word is a usage error.</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = Create(console);
        var verbs = root.Subcommands.Select(c => c.Name).ToList();
        if (args.Count == 0 || !verbs.Contains(args[0]))
        {
            await console.Error.WriteLineAsync($"unknown verb '{(args.Count == 0 ? "" : args[0])}'. Verbs: {string.Join(", ", verbs)}");
            return ExitCodes.Usage;
        }

        return await CliRunner.RunAsync(root, args, console, cancellationToken);
    }

    /// <summary>The arguments <c>serve</c> hands to the host: everything after the verb.</summary>
    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == Serve ? args[1..] : args;

    private static bool IsServe(string[] args) => args.Length == 0 || args[0].StartsWith('-') || args[0] == Serve;
}
