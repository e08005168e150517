using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Migrations.Throttling;

/// <summary>
/// Everything apply does about its impact, in one place: samples go through it (so it keeps the
/// peaks), <see cref="WaitAsync"/> holds a statement back while the throttle limits are crossed, and
/// <see cref="RunWatchedAsync"/> samples during a statement and cancels it at a critical limit.
/// </summary>
internal sealed class ImpactGuard : IImpactSource
{
    private readonly ThrottleOptions _options;
    private readonly IImpactSource _source;
    private readonly TimeProvider _timeProvider;
    private readonly ThrottleGate _gate;
    private readonly ImpactPeaks _peaks = new();

    public ImpactGuard(ThrottleOptions options, IImpactSource source, TimeProvider timeProvider, IMigrationReporter reporter)
    {
        _options = options;
        _source = source;
        _timeProvider = timeProvider;
        _gate = new ThrottleGate(options, this, timeProvider, reporter);
    }

    public ImpactSummary Summary => _peaks.Summary(_gate.Throttled, _gate.Waits);

    public async Task<ImpactSample> SampleAsync(string? table, CancellationToken cancellationToken)
    {
        var sample = await _source.SampleAsync(table, cancellationToken);
        _peaks.Add(sample);
        return sample;
    }

    public Task WaitAsync(MigrationStatement step, string? table, CancellationToken cancellationToken) =>
        _gate.WaitAsync(step, table, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> while sampling every interval; a critical limit crossed meanwhile
    /// cancels the work's token and surfaces as <see cref="CriticalLimitException"/>. A build cannot
    /// be paused, only cancelled, so the throttle limits do not apply here.
    /// </summary>
    public async Task RunWatchedAsync(string? table, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var statement = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = WatchAsync(table, statement, stopWatching.Token);
        try
        {
            await work(statement.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && statement.IsCancellationRequested)
        {
            await stopWatching.CancelAsync();
            throw new CriticalLimitException(await watching ?? []);
        }
        finally
        {
            await stopWatching.CancelAsync();
            await watching;
        }
    }

    private async Task<IReadOnlyList<LimitBreach>?> WatchAsync(string? table, CancellationTokenSource statement, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.SampleInterval, _timeProvider, cancellationToken);
                var critical = ImpactLimits.Critical(await SampleAsync(table, cancellationToken), _options);
                if (critical.Count > 0)
                {
                    await statement.CancelAsync();
                    return critical;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
