using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Gateway.HealthProbes;

namespace Pitchey.Gateway.Tests.HealthProbes;

/// <summary>A probe cache over hand-made checks and fake time; no I/O.</summary>
internal sealed class ProbeHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public ProbeHarness(Action<IHealthChecksBuilder> checks, HealthProbeOptions? options = null)
    {
        var collection = new ServiceCollection();
        checks(collection.AddHealthChecks());
        _services = collection.BuildServiceProvider();
        Options = options ?? new HealthProbeOptions();
        var monitor = Microsoft.Extensions.Options.Options.Create(Options);
        Runner = new ProbeRunner(
            _services.GetRequiredService<IServiceScopeFactory>(),
            _services.GetRequiredService<IOptions<HealthCheckServiceOptions>>(),
            monitor, Time, NullLogger<ProbeRunner>.Instance);
        Cache = new ProbeCache(Runner, monitor, Time, NullLogger<ProbeCache>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public HealthProbeOptions Options { get; }

    public ProbeRunner Runner { get; }

    public ProbeCache Cache { get; }

    public void Dispose() => _services.Dispose();
}

/// <summary>A check whose answer the test controls, counting how often it runs.</summary>
internal sealed class ControlledCheck : IHealthCheck
{
    private int _calls;

    public TaskCompletionSource<HealthCheckResult> Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls => Volatile.Read(ref _calls);

    public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by a test to learn when the next call begins.</summary>
    public TaskCompletionSource? NextCall { get; set; }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        FirstCall.TrySetResult();
        NextCall?.TrySetResult();
        return Gate.Task.WaitAsync(cancellationToken);
    }
}
