using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pitchey.Gateway.Tests.HealthProbes;

public sealed class ProbeRunnerTests
{
    [Fact]
    public async Task RunAsync_CheckNeverAnswers_CountsAsFailedAtTheTimeout()
    {
        var hanging = new ControlledCheck();
        var quick = new ControlledCheck();
        quick.Gate.SetResult(HealthCheckResult.Healthy("ok"));
        using var harness = new ProbeHarness(checks => checks
            .AddCheck("hanging", hanging, failureStatus: HealthStatus.Unhealthy)
            .AddCheck("quick", quick));

        var run = harness.Runner.RunAsync();
        // Both checks must have been called before the clock moves: a check the runner has not
        // started yet when the run times out is (rightly) counted as timed out too.
        await Task.WhenAll(hanging.FirstCall.Task, quick.FirstCall.Task);
        Assert.False(run.IsCompleted);
        harness.Time.Advance(harness.Options.RunTimeout);
        var entries = await run;

        var timedOut = Assert.Single(entries, e => e.Name == "hanging");
        Assert.True(timedOut.TimedOut);
        Assert.Equal(HealthStatus.Unhealthy, timedOut.Status);
        Assert.Contains("timed out", timedOut.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, Assert.Single(entries, e => e.Name == "quick").Status);
    }

    [Fact]
    public async Task RunAsync_CheckThrowsWithSecretInMessage_ReportsOnlyTheExceptionType()
    {
        using var harness = new ProbeHarness(checks => checks.AddCheck("throws", new ThrowingCheck()));

        var entry = Assert.Single(await harness.Runner.RunAsync());

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.DoesNotContain("hunter2", entry.Description, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DegradedFailureStatus_IsUsedForTimeouts()
    {
        var hanging = new ControlledCheck();
        using var harness = new ProbeHarness(checks => checks.AddCheck("optional", hanging, failureStatus: HealthStatus.Degraded));

        var run = harness.Runner.RunAsync();
        await hanging.FirstCall.Task;
        harness.Time.Advance(harness.Options.RunTimeout);

        Assert.Equal(HealthStatus.Degraded, Assert.Single(await run).Status);
    }

    private sealed class ThrowingCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Host=db;Password=hunter2");
    }
}
