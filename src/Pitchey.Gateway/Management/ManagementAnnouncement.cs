using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Management;

/// <summary>Says once, after start-up, where the management plane listens, or that it is off and why.</summary>
internal sealed partial class ManagementAnnouncement(
    IOptions<ManagementOptions> options, IServiceProvider services, ILogger<ManagementAnnouncement> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            LogListening(logger, string.Join(", ", ManagementPlane.Addresses(services)), options.Value.MetricsAnonymous);
        }
        else
        {
            LogOff(logger);
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
