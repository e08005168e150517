using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Gateway.Resilience;
using Pitchey.Gateway.Tests.Diagnostics;
using Polly;
using Polly.CircuitBreaker;

namespace Pitchey.Gateway.Tests.Resilience;

public sealed class ClusterBreakerTests : IDisposable
{
    private static readonly ClusterPolicy Policy = new(
        FailureRatio: 0.5, MinimumThroughput: 2, SamplingDuration: TimeSpan.FromSeconds(30), BreakDuration: TimeSpan.FromSeconds(10),
        FailureStatusCodes: "5xx,408", MaxRetries: 0, RetryBaseDelay: TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly TestMeterFactory _meters = new();

    public void Dispose() => _meters.Dispose();

    private ClusterBreaker NewBreaker() => new("api", Policy, new ResilienceMetrics(_meters), _time, NullLogger.Instance);

    private static async Task<Outcome<ForwardOutcome>> RunAsync(ClusterBreaker breaker, ForwardOutcome result, Task? gate = null)
    {
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            return await breaker.Pipeline.ExecuteOutcomeAsync(
                static async (_, state) =>
                {
                    if (state.gate is not null)
                    {
                        await state.gate;
                    }

                    return state.breaker.Record(state.result);
                },
                context,
                (breaker, result, gate));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task OpenAsync(ClusterBreaker breaker)
    {
        await RunAsync(breaker, ForwardOutcome.Failure);
        await RunAsync(breaker, ForwardOutcome.Failure);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task ClientAbort_IsNeitherSuccessNorFailure()
    {
        var breaker = NewBreaker();

        // Were the abort counted as a success, 1 failure in 2 calls would meet the 0.5 ratio and open.
        await RunAsync(breaker, ForwardOutcome.Failure);
        await RunAsync(breaker, ForwardOutcome.ClientAbort);
        await RunAsync(breaker, ForwardOutcome.NotForwarded);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(new BreakerCounts(Failures: 1, Successes: 0, Ignored: 2, Rejections: 0), breaker.Counts);

        await RunAsync(breaker, ForwardOutcome.Failure);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task Open_RejectsFast_WithSecondsUntilTheProbe()
    {
        var breaker = NewBreaker();
        await OpenAsync(breaker);

        _time.Advance(TimeSpan.FromSeconds(3.5));

        Assert.True(breaker.TryRejectFast(out var body, out var retryAfter));
        Assert.Equal(7, retryAfter);
        Assert.Same(breaker.OpenBody, body);
        Assert.Contains("\"cluster\":\"api\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HalfOpen_ConcurrentCallers_ExactlyOneIsTheProbe_SuccessCloses()
    {
        var breaker = NewBreaker();
        await OpenAsync(breaker);
        _time.Advance(Policy.BreakDuration);
        Assert.False(breaker.TryRejectFast(out _, out _));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 50).Select(_ => Task.Run(() => RunAsync(breaker, ForwardOutcome.Success, gate.Task))).ToArray();
        await WaitForAsync(() => breaker.State == CircuitState.HalfOpen && calls.Count(c => c.IsCompleted) == 49);
        gate.SetResult();
        var outcomes = await Task.WhenAll(calls);

        Assert.Equal(1, outcomes.Count(o => o.Exception is null));
        Assert.Equal(49, outcomes.Count(o => o.Exception is BrokenCircuitException));
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task HalfOpen_ProbeFails_OpensAgain()
    {
        var breaker = NewBreaker();
        await OpenAsync(breaker);
        _time.Advance(Policy.BreakDuration);

        await RunAsync(breaker, ForwardOutcome.Failure);

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.True(breaker.TryRejectFast(out _, out var retryAfter));
        Assert.Equal(10, retryAfter);
    }

    [Theory]
    [InlineData(nameof(ForwardOutcome.ClientAbort))]
    [InlineData(nameof(ForwardOutcome.NotForwarded))]
    public async Task HalfOpen_ProbeWithoutVerdict_DoesNotStayHalfOpen(string outcome)
    {
        var breaker = NewBreaker();
        await OpenAsync(breaker);
        _time.Advance(Policy.BreakDuration);

        await RunAsync(breaker, Enum.Parse<ForwardOutcome>(outcome));

        Assert.Equal(CircuitState.Open, breaker.State);
        _time.Advance(Policy.BreakDuration);
        await RunAsync(breaker, ForwardOutcome.Success);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task IsolateAndReset_HoldOpenThenClose()
    {
        var breaker = NewBreaker();

        await breaker.IsolateAsync();
        Assert.Equal(CircuitState.Isolated, breaker.State);
        Assert.True(breaker.TryRejectFast(out var body, out var retryAfter));
        Assert.Same(breaker.IsolatedBody, body);
        Assert.Equal(10, retryAfter);

        _time.Advance(TimeSpan.FromDays(2));
        Assert.True(breaker.TryRejectFast(out _, out _));

        await breaker.ResetAsync();
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.False(breaker.TryRejectFast(out _, out _));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(5);
        }
    }
}
