namespace Pitchey.Gateway.HealthProbes;

/// <summary>Defaults and bounds of <see cref="HealthProbeOptions"/>, checked by <see cref="HealthProbeOptionsValidator"/>.</summary>
internal static class HealthProbeConstants
{
    public const int DefaultMetricsWindow = 30;
    public const int MinMetricsWindow = 1;
    public const int MaxMetricsWindow = 1000;

    public static readonly TimeSpan DefaultCacheTtl = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinCacheTtl = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxCacheTtl = TimeSpan.FromHours(1);

    public static readonly TimeSpan DefaultRunTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MinRunTimeout = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxRunTimeout = TimeSpan.FromMinutes(1);
}
