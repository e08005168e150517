namespace Pitchey.Gateway.Cli;

/// <summary>Where a verb writes, and whether a person is watching (progress bars) or a pipe (plain lines).</summary>
/// <param name="Output">Results and progress.</param>
/// <param name="Error">Errors, warnings and notes.</param>
/// <param name="Interactive">Output is a terminal: progress may be redrawn in place.</param>
public sealed record CliConsole(TextWriter Output, TextWriter Error, bool Interactive)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsOutputRedirected);
}
