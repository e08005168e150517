using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// A Redis-backed limiter that falls back to its in-memory twin when Redis fails, so a Redis outage
/// makes each gateway count on its own instead of answering every request 500. Limits stay in
/// force either way; only their sharing is lost while Redis is away.
/// </summary>
internal sealed class SharedRateLimiter(RateLimiter shared, RateLimiter local) : RateLimiter
{
    public override TimeSpan? IdleDuration => shared.IdleDuration is { } idle && local.IdleDuration is { } localIdle
        ? (idle < localIdle ? idle : localIdle)
        : null;

    public override RateLimiterStatistics? GetStatistics() => shared.GetStatistics() ?? local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        try
        {
            return shared.AttemptAcquire(permitCount);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            return local.AttemptAcquire(permitCount);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            return await shared.AcquireAsync(permitCount, cancellationToken);
        }
        catch (Exception exception) when (IsRedisFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await shared.DisposeAsync();
        await local.DisposeAsync();
    }

    private static bool IsRedisFailure(Exception exception) =>
        exception is RedisException or TimeoutException or ObjectDisposedException;
}
