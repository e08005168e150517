using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// The runner's events as plain log lines, for a file or a pipe (and the tests that read them):
/// one line per step event, and one progress line per phase change or 10 % step of a build.
/// </summary>
internal sealed class PlainMigrationReporter(TextWriter output) : IMigrationReporter
{
    private string? _lastPhase;
    private int _lastDecile = -1;

    public void StepStarting(MigrationStatement step, string action) => output.WriteLine(MigrationEvents.Starting(step, action));

    public void StepSkipped(MigrationStatement step, string reason) => output.WriteLine(MigrationEvents.Skipped(step, reason));

    public void StepFinished(MigrationStatement step, string outcome)
    {
        _lastPhase = null;
        _lastDecile = -1;
        output.WriteLine(MigrationEvents.Finished(step, outcome));
    }

    public void LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error) =>
        output.WriteLine(MigrationEvents.LockRetry(step, attempt, delay, error));

    public void Note(string message) => output.WriteLine(message);

    public void Progress(MigrationStatement step, BuildProgress progress)
    {
        var fraction = progress.Fraction;
        var decile = fraction is null ? -1 : (int)(fraction.Value * 10);
        if (progress.Phase != _lastPhase || decile != _lastDecile)
        {
            _lastPhase = progress.Phase;
            _lastDecile = decile;
            output.WriteLine($"progress {step.Index?.Name}: {progress.Phase}{(fraction is null ? "" : $" {fraction * 100:0}%")}");
        }
    }
}
