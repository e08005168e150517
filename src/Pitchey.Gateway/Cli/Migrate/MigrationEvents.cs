using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>The wording of the runner's events, the same on a terminal and in a log.</summary>
internal static class MigrationEvents
{
    public static string Starting(MigrationStatement step, string action) => $"{Where(step)}{action}";

    public static string Skipped(MigrationStatement step, string reason) => $"{Where(step)}skipped: {reason}";

    public static string Finished(MigrationStatement step, string outcome) => $"{Where(step)}{outcome}";

    public static string LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error) =>
        $"{Where(step)}lock wait timed out ({error}); attempt {attempt} failed, retrying in {delay.TotalSeconds:0.0}s";

    public static string Throttled(MigrationStatement step, IReadOnlyList<LimitBreach> breaches, TimeSpan waited) =>
        $"{Where(step)}throttled: {string.Join("; ", breaches.Select(b => b.Message))}"
        + (waited > TimeSpan.Zero ? $" (waiting {FigureText.Duration(waited)})" : "");

    public static string ThrottleLifted(MigrationStatement step, TimeSpan waited) =>
        $"{Where(step)}throttle lifted after {FigureText.Duration(waited)}: going on";

    // Rollback steps come from the history, not from a file line.
    private static string Where(MigrationStatement step) => step.Line > 0 ? $"line {step.Line}: " : "";
}
