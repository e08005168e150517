using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.Tests.Throttling;

/// <summary>Records the throttle's events; the others are not these tests' concern.</summary>
internal sealed class ThrottleEvents : IMigrationReporter
{
    public List<(IReadOnlyList<LimitBreach> Breaches, TimeSpan Waited)> Waits { get; } = [];

    public List<TimeSpan> Lifts { get; } = [];

    public List<string> Notes { get; } = [];

    public static MigrationStatement Step { get; } =
        MigrationStatement.Parse(new ScriptStatement(3, "CREATE INDEX CONCURRENTLY idx_a ON pitches (genre)", 1, "", null));

    public void Throttled(MigrationStatement step, IReadOnlyList<LimitBreach> breaches, TimeSpan waited) => Waits.Add((breaches, waited));

    public void ThrottleLifted(MigrationStatement step, TimeSpan waited) => Lifts.Add(waited);

    public void Note(string message) => Notes.Add(message);

    public void StepStarting(MigrationStatement step, string action)
    {
    }

    public void StepSkipped(MigrationStatement step, string reason)
    {
    }

    public void StepFinished(MigrationStatement step, string outcome)
    {
    }

    public void Progress(MigrationStatement step, BuildProgress progress)
    {
    }

    public void LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error)
    {
    }
}
