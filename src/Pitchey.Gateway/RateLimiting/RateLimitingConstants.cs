namespace Pitchey.Gateway.RateLimiting;

/// <summary>Defaults and bounds of <see cref="RateLimitingOptions"/>, checked by <see cref="RateLimitingOptionsValidator"/>.</summary>
internal static class RateLimitingConstants
{
    public const int DefaultPermitLimit = 100;
    public const int DefaultTokensPerPeriod = 50;
    public const int DefaultSegmentsPerWindow = 4;
    public const int MaxPermitLimit = 1_000_000;
    public const int MaxSegmentsPerWindow = 1000;
    public const int MaxQueueLimit = 10_000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinWindow = TimeSpan.FromMilliseconds(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>What YARP's <c>RateLimiterPolicy</c> accepts besides a policy's name: the global limiter, or none.</summary>
    public const string YarpDefaultPolicy = "Default";
    public const string YarpDisablePolicy = "Disable";

    /// <summary>The prefix of every Redis key the shared limiter writes.</summary>
    public const string RedisKeyPrefix = "pitchey:rl:";
}
