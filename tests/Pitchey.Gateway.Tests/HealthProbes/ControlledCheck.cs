using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pitchey.Gateway.Tests.HealthProbes;

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
