using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Gateway.HealthProbes;
using Pitchey.Gateway.Tests.Diagnostics;

namespace Pitchey.Gateway.Tests.HealthProbes;

/// <summary>A probe cache over hand-made checks and fake time; no I/O.</summary>
internal sealed class ProbeHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestMeterFactory _meters = new();

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
        Cache = new ProbeCache(Runner, monitor, new HealthRunMetrics(_meters), Time, NullLogger<ProbeCache>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public HealthProbeOptions Options { get; }

    public ProbeRunner Runner { get; }

    public ProbeCache Cache { get; }

    public void Dispose()
    {
        _services.Dispose();
        _meters.Dispose();
    }
}
