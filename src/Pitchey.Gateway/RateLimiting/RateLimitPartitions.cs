using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// The limiter of one policy for one client: in memory, or — with <c>RateLimiting:Redis</c> — the
/// same algorithm counted in Redis (the RedisRateLimiting library), with an in-memory twin that
/// takes over while Redis cannot be reached (<see cref="SharedRateLimiter"/>).
/// </summary>
internal static class RateLimitPartitions
{
    /// <summary>
    /// The partitioner of one policy. Each policy has its own partitioned limiter, so the client alone
    /// keys a partition; the factory that makes a client's limiter is built here once, not per request
    /// (the partitioner runs on every request: no string or delegate is made there, and the key is a
    /// struct). A new partition's Redis key is the client's text, as it always was.
    /// </summary>
    public static Func<HttpContext, RateLimitPartition<ClientPartitionKey>> Partitioner(
        string policyName, RateLimitPolicyOptions policy, IConnectionMultiplexer? redis)
    {
        Func<ClientPartitionKey, RateLimiter> factory = redis is null
            ? _ => Local(policy)
            : client => new SharedRateLimiter(Shared(policy, $"{RateLimitingConstants.RedisKeyPrefix}{policyName}|{client}", redis), Local(policy));
        return context => new RateLimitPartition<ClientPartitionKey>(ClientPartitionKey.Of(context), factory);
    }

    public static RateLimiter Local(RateLimitPolicyOptions policy) => policy.Algorithm switch
    {
        RateLimitAlgorithm.FixedWindow => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = policy.PermitLimit, Window = policy.Window, QueueLimit = policy.QueueLimit, AutoReplenishment = true,
        }),
        RateLimitAlgorithm.SlidingWindow => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = policy.PermitLimit, Window = policy.Window, SegmentsPerWindow = policy.SegmentsPerWindow,
            QueueLimit = policy.QueueLimit, AutoReplenishment = true,
        }),
        RateLimitAlgorithm.Concurrency => new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = policy.PermitLimit, QueueLimit = policy.QueueLimit,
        }),
        _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = policy.PermitLimit, TokensPerPeriod = policy.TokensPerPeriod, ReplenishmentPeriod = policy.Window,
            QueueLimit = policy.QueueLimit, AutoReplenishment = true,
        }),
    };

    private static RateLimiter Shared(RateLimitPolicyOptions policy, string key, IConnectionMultiplexer redis) => policy.Algorithm switch
    {
        RateLimitAlgorithm.FixedWindow => new RedisFixedWindowRateLimiter<string>(key, new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis, PermitLimit = policy.PermitLimit, Window = policy.Window,
        }),
        RateLimitAlgorithm.SlidingWindow => new RedisSlidingWindowRateLimiter<string>(key, new RedisSlidingWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis, PermitLimit = policy.PermitLimit, Window = policy.Window,
        }),
        RateLimitAlgorithm.Concurrency => new RedisConcurrencyRateLimiter<string>(key, new RedisConcurrencyRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis, PermitLimit = policy.PermitLimit, QueueLimit = policy.QueueLimit,
        }),
        _ => new RedisTokenBucketRateLimiter<string>(key, new RedisTokenBucketRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis, TokenLimit = policy.PermitLimit, TokensPerPeriod = policy.TokensPerPeriod,
            ReplenishmentPeriod = policy.Window,
        }),
    };
}
