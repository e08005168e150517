namespace Pitchey.Migrations.Running;

/// <summary>Exponential backoff with jitter between lock-timeout retries.</summary>
internal static class LockBackoff
{
    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/> (1-based): base * 2^(attempt-1), capped
    /// at the maximum, then scaled into [50 %, 100 %] by <paramref name="unitRandom"/> (0..1) so that
    /// several waiters do not retry in lock-step.
    /// </summary>
    public static TimeSpan Delay(int attempt, MigrationOptions options, double unitRandom)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponential = options.RetryBaseDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20));
        var capped = Math.Min(options.RetryMaxDelay.Ticks, exponential);
        return TimeSpan.FromTicks((long)(capped * (0.5 + (Math.Clamp(unitRandom, 0, 1) / 2))));
    }
}
