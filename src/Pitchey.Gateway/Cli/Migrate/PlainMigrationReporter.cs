using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// The runner's events as plain log lines, for a file or a pipe (and the tests that read them):
/// one line per step event, one progress line per phase change or 10 % step of a build, and a
/// throttled line when a wait starts, when the limits crossed change, and every 10 s of waiting.
/// </summary>
internal sealed class PlainMigrationReporter(TextWriter output) : IMigrationReporter
{
    private static readonly TimeSpan RepeatEvery = TimeSpan.FromSeconds(10);
    private string? _lastPhase;
    private int _lastDecile = -1;
    private string? _lastThrottle;
    private TimeSpan _lastThrottleAt;

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

    public void Throttled(MigrationStatement step, IReadOnlyList<LimitBreach> breaches, TimeSpan waited)
    {
        var limits = string.Join(',', breaches.Select(b => b.Key));
        if (limits != _lastThrottle || waited - _lastThrottleAt >= RepeatEvery || waited == TimeSpan.Zero)
        {
            (_lastThrottle, _lastThrottleAt) = (limits, waited);
            output.WriteLine(MigrationEvents.Throttled(step, breaches, waited));
        }
    }

    public void ThrottleLifted(MigrationStatement step, TimeSpan waited)
    {
        (_lastThrottle, _lastThrottleAt) = (null, TimeSpan.Zero);
        output.WriteLine(MigrationEvents.ThrottleLifted(step, waited));
    }

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
