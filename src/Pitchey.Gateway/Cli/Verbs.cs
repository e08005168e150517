namespace Pitchey.Gateway.Cli;

/// <summary>
/// The gateway executable's verbs. <c>serve</c> (the default when no verb is given) runs the
/// gateway; every other verb is a one-shot command that returns an exit code. Features add
/// their verb here, one line each.
/// </summary>
internal static class Verbs
{
    public const string Serve = "serve";

    private static readonly Dictionary<string, Func<string[], Task<int>>> OneShot = new(StringComparer.Ordinal)
    {
        [MigrateVerb.Name] = MigrateVerb.RunAsync,
    };

    /// <summary>Runs a one-shot verb if <paramref name="args"/> starts with one; null means "serve".</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        if (args[0] == Serve)
        {
            return null;
        }

        if (OneShot.TryGetValue(args[0], out var run))
        {
            return await run(args[1..]);
        }

        await Console.Error.WriteLineAsync(
            $"unknown verb '{args[0]}'. Verbs: {string.Join(", ", OneShot.Keys.Prepend(Serve))}");
        return ExitCodes.Usage;
    }

    /// <summary>The arguments <c>serve</c> hands to the host: everything after the verb.</summary>
    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == Serve ? args[1..] : args;
}
