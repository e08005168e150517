namespace Pitchey.Gateway.Alerts;

/// <summary>Defaults and bounds of <see cref="AlertOptions"/>, <see cref="AlertRuleOptions"/> and <see cref="AlertWebhookOptions"/>.</summary>
internal static class AlertConstants
{
    public static readonly TimeSpan DefaultEvaluationInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MinEvaluationInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxEvaluationInterval = TimeSpan.FromHours(1);

    public const int DefaultHistory = 100;
    public const int MinHistory = 1;
    public const int MaxHistory = 10_000;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    public static readonly TimeSpan MaxFor = TimeSpan.FromDays(1);

    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxCooldown = TimeSpan.FromDays(7);

    public const long DefaultMinimumRequests = 20;
    public const long MaxMinimumRequests = 1_000_000_000;

    public const double DefaultQueryLatencyMs = 250;
    public const double MaxQueryLatencyMs = 3_600_000;
    public const double DefaultErrorRate = 0.05;
    public const double DefaultPoolSaturation = 0.9;
    public const double MaxSeconds = 86_400;

    public static readonly TimeSpan DefaultWebhookTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MinWebhookTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxWebhookTimeout = TimeSpan.FromMinutes(1);

    public const int DefaultMaxAttempts = 5;
    public const int MinMaxAttempts = 1;
    public const int MaxMaxAttempts = 20;

    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinRetryDelay = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultRetryMaxDelay = TimeSpan.FromMinutes(1);

    /// <summary>Notifications waiting per webhook; beyond, the oldest is dropped (and counted).</summary>
    public const int QueueCapacity = 1000;

    public static readonly string[] Severities = ["info", "warning", "critical"];
}
