using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Throttling;
using Spectre.Console;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// The runner's events on a terminal: the same lines as <see cref="PlainMigrationReporter"/>, printed
/// above a Spectre.Console progress bar per index build that redraws in place; while a statement
/// is throttled, a spinner line says why, redrawn each sample.
/// </summary>
internal sealed class TerminalMigrationReporter(IAnsiConsole console, ProgressContext context) : IMigrationReporter
{
    private readonly Dictionary<MigrationStatement, ProgressTask> _builds = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _lock = new();
    private ProgressTask? _throttle;

    public void StepStarting(MigrationStatement step, string action) => Line(MigrationEvents.Starting(step, action));

    public void StepSkipped(MigrationStatement step, string reason) => Line(MigrationEvents.Skipped(step, reason));

    public void StepFinished(MigrationStatement step, string outcome)
    {
        lock (_lock)
        {
            if (_builds.Remove(step, out var task))
            {
                task.Description = Label(step);
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }

        Line(MigrationEvents.Finished(step, outcome));
    }

    public void LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error) =>
        Line(MigrationEvents.LockRetry(step, attempt, delay, error));

    public void Throttled(MigrationStatement step, IReadOnlyList<LimitBreach> breaches, TimeSpan waited)
    {
        var text = Markup.Escape(MigrationEvents.Throttled(step, breaches, waited));
        lock (_lock)
        {
            if (_throttle is null)
            {
                Line(MigrationEvents.Throttled(step, breaches, waited));
                _throttle = context.AddTask(text, autoStart: true, maxValue: 1);
                _throttle.IsIndeterminate = true;
            }

            _throttle.Description = text;
        }
    }

    public void ThrottleLifted(MigrationStatement step, TimeSpan waited)
    {
        lock (_lock)
        {
            _throttle?.StopTask();
            _throttle = null;
        }

        Line(MigrationEvents.ThrottleLifted(step, waited));
    }

    public void Note(string message) => Line(message);

    public void Progress(MigrationStatement step, BuildProgress progress)
    {
        var name = Label(step);
        lock (_lock)
        {
            if (!_builds.TryGetValue(step, out var task))
            {
                task = context.AddTask(name, autoStart: true, maxValue: 100);
                _builds[step] = task;
            }

            task.Description = $"{name} [grey]{Markup.Escape(progress.Phase)}[/]";
            if (progress.Fraction is { } fraction)
            {
                task.IsIndeterminate = false;
                task.Value = fraction * task.MaxValue;
            }
            else
            {
                task.IsIndeterminate = true;
            }
        }
    }

    private static string Label(MigrationStatement step) => Markup.Escape(step.Index?.Name ?? step.Summary);

    // Spectre draws whatever the console writes above the live progress bars.
    private void Line(string text) => console.WriteLine(text);
}
