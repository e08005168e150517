using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>
/// Keeps the probe cache warm: one run at start-up (so the first probe already has a report),
/// then one run per TTL, in the background, never on a request.
/// </summary>
internal sealed class ProbeRefresher(ProbeCache cache, IOptions<HealthProbeOptions> options, TimeProvider time) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Bounded by the run timeout: the runner never waits on a check past it.
        await cache.RefreshAsync().WaitAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var last = cache.Current?.Report.CompletedAt ?? time.GetUtcNow();
            var wait = last + options.Value.CacheTtl - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            await cache.RefreshAsync().WaitAsync(stoppingToken);
        }
    }
}
