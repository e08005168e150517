namespace Pitchey.Migrations;

/// <summary>Defaults and bounds of <see cref="MigrationOptions"/>, in one place.</summary>
public static class MigrationConstants
{
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MinLockTimeout = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxLockTimeout = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultLockRetryBudget = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MinLockRetryBudget = TimeSpan.Zero;
    public static readonly TimeSpan MaxLockRetryBudget = TimeSpan.FromHours(24);

    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MinRetryBaseDelay = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultRetryMaxDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinRetryMaxDelay = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaxRetryMaxDelay = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan DefaultProgressInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinProgressInterval = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxProgressInterval = TimeSpan.FromMinutes(1);

    public const long DefaultLargeTableRows = 10_000;
    public const long MinLargeTableRows = 0;
    public const long MaxLargeTableRows = 1_000_000_000_000;

    public const double DefaultPlanCostGrowth = 0.2;
    public const double MinPlanCostGrowth = 0;
    public const double MaxPlanCostGrowth = 100;
}
