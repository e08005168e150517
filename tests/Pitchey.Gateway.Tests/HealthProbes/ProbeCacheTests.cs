using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pitchey.Gateway.Tests.HealthProbes;

public sealed class ProbeCacheTests
{
    [Fact]
    public async Task RefreshAsync_ThousandConcurrentCallers_RunsChecksOnce()
    {
        var check = new ControlledCheck();
        using var harness = new ProbeHarness(checks => checks.AddCheck("controlled", check));

        var callers = Enumerable.Range(0, 1000).Select(_ => Task.Run(harness.Cache.RefreshAsync)).ToArray();
        await check.FirstCall.Task;
        check.Gate.SetResult(HealthCheckResult.Healthy("fine"));
        var snapshots = await Task.WhenAll(callers);

        Assert.Equal(1, check.Calls);
        Assert.Equal(1, harness.Cache.RunCount);
        Assert.All(snapshots, s => Assert.Same(snapshots[0], s));
    }

    [Fact]
    public async Task GetForProbe_UntilTtlPlusRunTimeout_ServesTheReportWithoutRefreshing()
    {
        var check = new ControlledCheck();
        check.Gate.SetResult(HealthCheckResult.Healthy());
        using var harness = new ProbeHarness(checks => checks.AddCheck("controlled", check));
        var first = await harness.Cache.RefreshAsync();
        var deadline = first.Report.CompletedAt + harness.Options.CacheTtl + harness.Options.RunTimeout;

        harness.Time.Advance(deadline - harness.Time.GetUtcNow());

        Assert.False(harness.Cache.IsStale(first, harness.Time.GetUtcNow()));
        Assert.True(harness.Cache.IsStale(first, harness.Time.GetUtcNow() + TimeSpan.FromTicks(1)));
        Assert.Same(first, harness.Cache.GetForProbe());
        Assert.Equal(1, harness.Cache.RunCount);
    }

    [Fact]
    public async Task GetForProbe_OverdueReport_ServesOldReportAndRefreshesInBackground()
    {
        var check = new ControlledCheck();
        check.Gate.SetResult(HealthCheckResult.Healthy());
        using var harness = new ProbeHarness(checks => checks.AddCheck("controlled", check));
        var first = await harness.Cache.RefreshAsync();
        check.Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        check.NextCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

        harness.Time.Advance(harness.Options.CacheTtl + harness.Options.RunTimeout + TimeSpan.FromSeconds(1));
        var served = harness.Cache.GetForProbe();
        await check.NextCall.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Same(first, served);
        Assert.Equal(2, check.Calls);
        Assert.Equal(2, harness.Cache.RunCount);
        check.Gate.SetResult(HealthCheckResult.Degraded("slow"));
        var refreshed = await harness.Cache.RefreshAsync();
        Assert.Equal(2, refreshed.Report.Sequence);
        Assert.Equal(HealthStatus.Degraded, refreshed.Report.Status);
        Assert.Same(refreshed, harness.Cache.Current);
    }

    [Fact]
    public async Task Report_WorstCheckWins_AndErrorRateCountsUnhealthyRuns()
    {
        var good = new ControlledCheck();
        good.Gate.SetResult(HealthCheckResult.Healthy());
        var bad = new ControlledCheck();
        bad.Gate.SetResult(HealthCheckResult.Unhealthy("down"));
        using var harness = new ProbeHarness(checks => checks.AddCheck("good", good).AddCheck("bad", bad));

        var first = await harness.Cache.RefreshAsync();
        bad.Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        bad.Gate.SetResult(HealthCheckResult.Healthy());
        var second = await harness.Cache.RefreshAsync();

        Assert.Equal(HealthStatus.Unhealthy, first.Report.Status);
        Assert.Equal(1.0, first.Report.Metrics.ErrorRate);
        Assert.Equal(HealthStatus.Healthy, second.Report.Status);
        Assert.Equal(0.5, second.Report.Metrics.ErrorRate);
    }

    [Fact]
    public async Task LastCompleteAt_MovesOnlyWithRunsWhoseChecksAllFinished()
    {
        var check = new ControlledCheck();
        check.Gate.SetResult(HealthCheckResult.Unhealthy("refused"));
        using var harness = new ProbeHarness(checks => checks.AddCheck("controlled", check));
        Assert.Null(harness.Cache.LastCompleteAt);

        // A check that fails fast still finished: the refresh works, the database does not.
        var failedFast = await harness.Cache.RefreshAsync();
        Assert.Equal(failedFast.Report.CompletedAt, harness.Cache.LastCompleteAt);

        // A check that hangs past the run timeout: a new report, but no complete refresh.
        check.Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        check.NextCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = harness.Cache.RefreshAsync();
        await check.NextCall.Task.WaitAsync(TimeSpan.FromSeconds(10));
        harness.Time.Advance(harness.Options.RunTimeout);
        var timedOut = await run;

        Assert.True(Assert.Single(timedOut.Report.Entries).TimedOut);
        Assert.Same(timedOut, harness.Cache.Current);
        Assert.Equal(failedFast.Report.CompletedAt, harness.Cache.LastCompleteAt);
    }
}
