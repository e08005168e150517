using System.Collections.Concurrent;
using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations.IntegrationTests.Running;

/// <summary>Records what the runner reports, and lets a test act at a given moment.</summary>
internal sealed class RecordingReporter : IMigrationReporter
{
    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentQueue<string> Started { get; } = new();

    public TaskCompletionSource<BuildProgress> FirstProgress { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource FirstLockRetry { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<string> FirstThrottle { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> ThrottleReasons { get; } = new();

    public int ThrottleLifts;

    public Action<MigrationStatement>? OnFinished { get; set; }

    public Action<MigrationStatement, BuildProgress>? OnProgress { get; set; }

    public int LockRetries;

    public void StepStarting(MigrationStatement step, string action)
    {
        Started.Enqueue(step.Index?.Name ?? step.Summary);
        Events.Enqueue($"start {action}");
    }

    public void StepSkipped(MigrationStatement step, string reason) => Events.Enqueue($"skip {step.Index?.Name}: {reason}");

    public void StepFinished(MigrationStatement step, string outcome)
    {
        Events.Enqueue($"done {outcome}");
        OnFinished?.Invoke(step);
    }

    public void Progress(MigrationStatement step, BuildProgress progress)
    {
        FirstProgress.TrySetResult(progress);
        OnProgress?.Invoke(step, progress);
    }

    public void LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error)
    {
        Interlocked.Increment(ref LockRetries);
        Events.Enqueue($"retry {attempt}: {error}");
        FirstLockRetry.TrySetResult();
    }

    public void Throttled(MigrationStatement step, IReadOnlyList<LimitBreach> breaches, TimeSpan waited)
    {
        var reason = $"{step.Index?.Name ?? step.Summary}: {string.Join("; ", breaches.Select(b => $"{b.Message} [{b.Key}]"))}";
        ThrottleReasons.Enqueue(reason);
        FirstThrottle.TrySetResult(reason);
    }

    public void ThrottleLifted(MigrationStatement step, TimeSpan waited) => Interlocked.Increment(ref ThrottleLifts);

    public void Note(string message) => Events.Enqueue($"note {message}");
}
