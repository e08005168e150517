using System.CommandLine;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// Runs a <see cref="RootCommand"/> the same way for every verb: a command line that does not parse
/// prints each error and a pointer to the help, and exits <see cref="ExitCodes.Usage"/>; otherwise
/// the chosen command's action runs with a token that Ctrl-C cancels (<see cref="CliCancellation"/>),
/// and a cancellation that escapes it exits <see cref="ExitCodes.Cancelled"/>.
/// </summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = CommandPath(parse);
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"{command}: {error.Message}");
            }

            await console.Error.WriteLineAsync($"see '{command} --help'");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Output,
            Error = console.Error,
            // Ctrl-C is handled by CliCancellation: a build being cancelled must not be killed after a grace period.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"{CommandPath(parse)}: cancelled");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Runs with the process's console and its Ctrl-C.</summary>
    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args)
    {
        var console = CliConsole.System;
        using var cancellation = new CliCancellation(console.Error);
        return await RunAsync(root, args, console, cancellation.Token);
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
