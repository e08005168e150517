using Pitchey.Database.Configuration;
using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Throttling;

/// <summary>
/// Holds a statement back while any figure is above its <c>Max*</c> limit: samples, and while a
/// limit is crossed reports why and waits one <see cref="ThrottleOptions.SampleInterval"/>, until the
/// figures recover. All waits of a run share <see cref="ThrottleOptions.WaitBudget"/>; a wait that
/// would go past it stops the run instead (<see cref="ThrottleBudgetExhaustedException"/>), before the
/// statement starts, so a rerun begins exactly there.
/// </summary>
internal sealed class ThrottleGate(ThrottleOptions options, IImpactSource source, TimeProvider timeProvider, IMigrationReporter reporter)
{
    /// <summary>Time spent throttled so far in this run.</summary>
    public TimeSpan Throttled { get; private set; }

    /// <summary>Statements that had to wait at least once.</summary>
    public int Waits { get; private set; }

    public async Task WaitAsync(MigrationStatement step, string? table, CancellationToken cancellationToken)
    {
        long? since = null;
        var before = Throttled;
        while (true)
        {
            var breaches = ImpactLimits.Throttling(await source.SampleAsync(table, cancellationToken), options);
            var waited = since is { } start ? timeProvider.GetElapsedTime(start) : TimeSpan.Zero;
            Throttled = before + waited;
            if (breaches.Count == 0)
            {
                if (since is not null)
                {
                    reporter.ThrottleLifted(step, waited);
                }

                return;
            }

            if (Throttled + options.SampleInterval > options.WaitBudget)
            {
                throw new ThrottleBudgetExhaustedException(BudgetMessage(breaches), breaches);
            }

            if (since is null)
            {
                since = timeProvider.GetTimestamp();
                Waits++;
            }

            reporter.Throttled(step, breaches, waited);
            await Task.Delay(options.SampleInterval, timeProvider, cancellationToken);
        }
    }

    private string BudgetMessage(IReadOnlyList<LimitBreach> breaches) =>
        $"throttled for {FigureText.Duration(Throttled)} in this run, the whole wait budget ({ImpactLimits.KeyPrefix}{nameof(ThrottleOptions.WaitBudget)} "
        + $"{OptionsErrors.Text(options.WaitBudget)}), and still {string.Join("; ", breaches.Select(b => $"{b.Message} ({b.Key})"))}; "
        + "stopped before this statement: rerun to resume here";
}
