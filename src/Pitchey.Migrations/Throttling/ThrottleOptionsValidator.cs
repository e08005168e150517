using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;

namespace Pitchey.Migrations.Throttling;

/// <summary>Checks every <see cref="ThrottleOptions"/> property; each message names its full key (<c>Migrations:Throttle:...</c>).</summary>
public sealed class ThrottleOptionsValidator : IValidateOptions<ThrottleOptions>
{
    public ValidateOptionsResult Validate(string? name, ThrottleOptions options)
    {
        var errors = new OptionsErrors($"{MigrationOptions.SectionName}:{ThrottleOptions.SectionName}");
        Check(errors, options);
        return errors.Result;
    }

    /// <summary>Adds the problems of <paramref name="options"/> to <paramref name="errors"/>, whose path is the throttle section's.</summary>
    public static void Check(OptionsErrors errors, ThrottleOptions options)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(options);
        errors.InRange(nameof(options.SampleInterval), options.SampleInterval, ThrottleConstants.MinSampleInterval, ThrottleConstants.MaxSampleInterval);
        errors.InRange(nameof(options.WaitBudget), options.WaitBudget, TimeSpan.Zero, ThrottleConstants.MaxWaitBudget);
        Limits(errors, nameof(options.MaxReplicaLag), options.MaxReplicaLag, nameof(options.CriticalReplicaLag), options.CriticalReplicaLag, ThrottleConstants.MaxReplicaLagBound);
        Limits(errors, nameof(options.MaxActiveSessions), options.MaxActiveSessions, nameof(options.CriticalActiveSessions), options.CriticalActiveSessions, ThrottleConstants.MaxSessionsBound);
        Limits(errors, nameof(options.MaxLockWaits), options.MaxLockWaits, nameof(options.CriticalLockWaits), options.CriticalLockWaits, ThrottleConstants.MaxSessionsBound);
        Limits(errors, nameof(options.MaxProbeLatency), options.MaxProbeLatency, nameof(options.CriticalProbeLatency), options.CriticalProbeLatency, ThrottleConstants.MaxProbeLatencyBound);
    }

    private static void Limits(OptionsErrors errors, string maxKey, TimeSpan max, string criticalKey, TimeSpan critical, TimeSpan bound)
    {
        errors.InRange(maxKey, max, TimeSpan.Zero, bound);
        errors.InRange(criticalKey, critical, TimeSpan.Zero, bound);
        Ordered(errors, maxKey, max > TimeSpan.Zero && critical > TimeSpan.Zero && critical < max, criticalKey);
    }

    private static void Limits(OptionsErrors errors, string maxKey, int max, string criticalKey, int critical, int bound)
    {
        errors.InRange(maxKey, max, 0, bound);
        errors.InRange(criticalKey, critical, 0, bound);
        Ordered(errors, maxKey, max > 0 && critical > 0 && critical < max, criticalKey);
    }

    // A critical limit below its throttle limit would cancel builds the throttle lets start.
    private static void Ordered(OptionsErrors errors, string maxKey, bool wrong, string criticalKey)
    {
        if (wrong)
        {
            errors.Add(criticalKey, $"must be 0 (off) or not below {errors.Path}:{maxKey}.");
        }
    }
}
