using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.Limits;

/// <summary>
/// A turnstile in front of the database pools for the tuned endpoints: at most
/// <c>Limits:DatabaseConcurrency</c> reads at once, up to <c>Limits:DatabaseQueueLimit</c> more
/// waiting (oldest first) for at most <c>Limits:DatabaseQueueTimeout</c>. A read that gets no turn
/// fails with <see cref="DatabaseUnavailableException"/> (503 with Retry-After) instead of piling
/// onto PostgreSQL, where a flood of distinct queries would slow every one of them.
/// </summary>
internal sealed class DatabaseConcurrency : IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeSpan _queueTimeout;
    private readonly TimeProvider _time;

    public DatabaseConcurrency(IOptions<LimitsOptions> options, TimeProvider time)
    {
        var limits = options.Value;
        _queueTimeout = limits.DatabaseQueueTimeout;
        _time = time;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.DatabaseConcurrency,
            QueueLimit = limits.DatabaseQueueTimeout > TimeSpan.Zero ? limits.DatabaseQueueLimit : 0,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>A turn, to be disposed when the read is done.</summary>
    /// <exception cref="DatabaseUnavailableException">No turn within the queue limit and timeout.</exception>
    public async ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        if (_queueTimeout <= TimeSpan.Zero)
        {
            throw Busy();
        }

        using var timeout = new CancellationTokenSource(_queueTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            lease = await _limiter.AcquireAsync(1, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Busy();
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw Busy();
        }

        return lease;
    }

    public void Dispose() => _limiter.Dispose();

    private static DatabaseUnavailableException Busy() =>
        new("database busy: too many queries waiting") { RetryAfter = RetryAfter };
}
