namespace Pitchey.Gateway.Resilience;

/// <summary>Defaults and bounds of <see cref="ClusterResilienceOptions"/>, checked by <see cref="ResilienceOptionsValidator"/>.</summary>
internal static class ClusterResilienceConstants
{
    public const double DefaultFailureRatio = 0.5;
    public const double MinFailureRatio = 0.01;
    public const double MaxFailureRatio = 1.0;

    public const int DefaultMinimumThroughput = 10;

    /// <summary>Polly's own floor: a ratio over fewer than two requests means nothing.</summary>
    public const int MinMinimumThroughput = 2;
    public const int MaxMinimumThroughput = 100_000;

    public const string DefaultFailureStatusCodes = "5xx,408";

    public const int DefaultMaxRetries = 2;
    public const int MinMaxRetries = 0;
    public const int MaxMaxRetries = 10;

    public static readonly TimeSpan DefaultSamplingDuration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinSamplingDuration = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxSamplingDuration = TimeSpan.FromDays(1);

    public static readonly TimeSpan DefaultBreakDuration = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MinBreakDuration = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxBreakDuration = TimeSpan.FromDays(1);

    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MinRetryBaseDelay = TimeSpan.Zero;
    public static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromSeconds(10);
}
