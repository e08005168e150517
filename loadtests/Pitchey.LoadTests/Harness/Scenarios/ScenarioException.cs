namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// A scenario cannot be prepared as asked (no database to draw parameters from, a file limit too
/// low, a data folder that is not a cluster): <c>run</c> prints the message and exits with
/// <see cref="ExitCode"/>, before any load.
/// </summary>
internal sealed class ScenarioException : Exception
{
    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScenarioException(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    /// <summary>One of the gateway's <c>ExitCodes</c>; 64 (usage) unless said otherwise.</summary>
    public int ExitCode { get; } = Pitchey.Gateway.Cli.ExitCodes.Usage;
}
