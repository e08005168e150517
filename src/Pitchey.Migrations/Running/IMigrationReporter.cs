using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Running;

/// <summary>What the runner tells its caller while it works (the CLI prints it; tests record it).</summary>
public interface IMigrationReporter
{
    void StepStarting(MigrationStatement step, string action);

    void StepSkipped(MigrationStatement step, string reason);

    void StepFinished(MigrationStatement step, string outcome);

    void Progress(MigrationStatement step, BuildProgress progress);

    void LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error);

    void Note(string message);
}
