using Pitchey.Database.Migrations;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// Prints the runner's events: a redrawn progress bar on a terminal, plain log lines (one per
/// phase change or 10% step) when the output is a file or a pipe.
/// </summary>
internal sealed class ConsoleMigrationReporter(TextWriter output, bool interactive) : IMigrationReporter
{
    private const int BarWidth = 30;
    private bool _barVisible;
    private string? _lastPhase;
    private int _lastDecile = -1;

    public void StepStarting(MigrationStatement step, string action) => Line($"{Where(step)}{action}");

    public void StepSkipped(MigrationStatement step, string reason) => Line($"{Where(step)}skipped: {reason}");

    public void StepFinished(MigrationStatement step, string outcome)
    {
        _lastPhase = null;
        _lastDecile = -1;
        Line($"{Where(step)}{outcome}");
    }

    public void LockRetry(MigrationStatement step, int attempt, TimeSpan delay, string error) =>
        Line($"{Where(step)}lock wait timed out ({error}); attempt {attempt} failed, retrying in {delay.TotalSeconds:0.0}s");

    public void Note(string message) => Line(message);

    public void Progress(MigrationStatement step, BuildProgress progress)
    {
        var fraction = progress.Fraction;
        var name = step.Index?.Name ?? "";
        if (interactive)
        {
            var filled = (int)Math.Round((fraction ?? 0) * BarWidth);
            var percent = fraction is null ? "   " : $"{fraction * 100,3:0}%";
            output.Write($"\r  {name} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent} {progress.Phase}".PadRight(100));
            _barVisible = true;
            return;
        }

        var decile = fraction is null ? -1 : (int)(fraction.Value * 10);
        if (progress.Phase != _lastPhase || decile != _lastDecile)
        {
            _lastPhase = progress.Phase;
            _lastDecile = decile;
            Line($"progress {name}: {progress.Phase}{(fraction is null ? "" : $" {fraction * 100:0}%")}");
        }
    }

    /// <summary>Moves past the progress bar so later output starts on a fresh line.</summary>
    public void EndProgress()
    {
        if (_barVisible)
        {
            output.WriteLine();
            _barVisible = false;
        }
    }

    // Rollback steps come from the history, not from a file line.
    private static string Where(MigrationStatement step) => step.Line > 0 ? $"line {step.Line}: " : "";

    private void Line(string text)
    {
        if (_barVisible)
        {
            output.Write('\r' + new string(' ', 100) + '\r');
            _barVisible = false;
        }

        output.WriteLine(text);
    }
}
