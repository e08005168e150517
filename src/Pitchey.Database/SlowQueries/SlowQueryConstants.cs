namespace Pitchey.Database.SlowQueries;

/// <summary>Defaults and bounds of <see cref="SlowQueryOptions"/>.</summary>
internal static class SlowQueryConstants
{
    public const int DefaultThresholdMs = 100;
    public const int MinThresholdMs = 0;
    public const int MaxThresholdMs = 600_000;

    public const int DefaultCapacity = 200;
    public const int MinCapacity = 1;
    public const int MaxCapacity = 10_000;
}
