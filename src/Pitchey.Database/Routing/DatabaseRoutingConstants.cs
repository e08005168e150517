namespace Pitchey.Database.Routing;

/// <summary>Defaults and bounds of <see cref="DatabaseRoutingOptions"/> and <see cref="RoutingRule"/>.</summary>
internal static class DatabaseRoutingConstants
{
    public static readonly TimeSpan DefaultMonitorInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MinMonitorInterval = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxMonitorInterval = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DefaultMonitorTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinMonitorTimeout = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxMonitorTimeout = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultLsnTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinLsnTimeout = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxLsnTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The lag budget bounds, for the default and for every rule.</summary>
    public const double DefaultMaxLagSeconds = 5;
    public const double MinMaxLagSeconds = 0;
    public const double MaxMaxLagSeconds = 86_400;

    public const int DefaultReadRetries = 2;
    public const int MinReadRetries = 0;
    public const int MaxReadRetries = 5;

    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MinRetryBaseDelay = TimeSpan.FromMilliseconds(1);
    public static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromSeconds(10);

    /// <summary>The longest backoff between two tries of a read, however many retries doubled it. Not a setting.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    public const double DefaultBreakerFailureRatio = 0.5;
    public const double MinBreakerFailureRatio = 0.01;
    public const double MaxBreakerFailureRatio = 1;

    public const int DefaultBreakerMinimumThroughput = 5;
    public const int MinBreakerMinimumThroughput = 2;
    public const int MaxBreakerMinimumThroughput = 10_000;

    public static readonly TimeSpan DefaultBreakerSamplingDuration = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinBreakerSamplingDuration = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxBreakerSamplingDuration = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan DefaultBreakerBreakDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MinBreakerBreakDuration = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxBreakerBreakDuration = TimeSpan.FromMinutes(10);
}
