using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.Running;

/// <summary>What the runner tells its caller while it works (the CLI prints it; tests record it).</summary>
public interface IMigrationReporter
{
    void StepStarting(MigrationStatement step, string action);

    void StepSkipped(MigrationStatement step, string reason);

    void StepFinished(MigrationStatement step, string outcome);

    void Progress(MigrationStatement step, BuildProgress progress);

    void LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error);

    /// <summary>The statement waits for <paramref name="breaches"/> (each reads "replica 2 lag 14 s > 10 s"); called once a sample while it does.</summary>
    void Throttled(MigrationStatement step, IReadOnlyList<LimitBreach> breaches, TimeSpan waited);

    /// <summary>The figures recovered after <paramref name="waited"/>; the statement goes on.</summary>
    void ThrottleLifted(MigrationStatement step, TimeSpan waited);

    void Note(string message);
}
