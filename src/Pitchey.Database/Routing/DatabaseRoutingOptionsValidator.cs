using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using C = Pitchey.Database.Routing.DatabaseRoutingConstants;

namespace Pitchey.Database.Routing;

/// <summary>Every bound of <see cref="DatabaseRoutingOptions"/>, every rule, and how the settings relate.</summary>
internal sealed class DatabaseRoutingOptionsValidator : IValidateOptions<DatabaseRoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseRoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(DatabaseRoutingOptions.SectionName);
        errors.InRange(nameof(options.MonitorInterval), options.MonitorInterval, C.MinMonitorInterval, C.MaxMonitorInterval);
        errors.InRange(nameof(options.MonitorTimeout), options.MonitorTimeout, C.MinMonitorTimeout, C.MaxMonitorTimeout);
        if (options.MonitorTimeout > options.MonitorInterval)
        {
            errors.Add(nameof(options.MonitorTimeout), $"must not exceed {errors.Path}:{nameof(options.MonitorInterval)}.");
        }

        errors.InRange(nameof(options.LsnTimeout), options.LsnTimeout, C.MinLsnTimeout, C.MaxLsnTimeout);
        errors.InRange(nameof(options.MaxLagSeconds), options.MaxLagSeconds, C.MinMaxLagSeconds, C.MaxMaxLagSeconds);
        foreach (var (query, rule) in options.Rules)
        {
            var ruleErrors = errors.Section($"{nameof(options.Rules)}:{query}");
            if (rule.TargetKind is null)
            {
                ruleErrors.Add(nameof(rule.Target), $"must be {nameof(RoutingTarget.Replica)} or {nameof(RoutingTarget.Primary)}.");
            }

            if (rule.MaxLagSeconds is { } lag)
            {
                ruleErrors.InRange(nameof(rule.MaxLagSeconds), lag, C.MinMaxLagSeconds, C.MaxMaxLagSeconds);
            }
        }

        errors.InRange(nameof(options.ReadRetries), options.ReadRetries, C.MinReadRetries, C.MaxReadRetries);
        errors.InRange(nameof(options.RetryBaseDelay), options.RetryBaseDelay, C.MinRetryBaseDelay, C.MaxRetryBaseDelay);
        errors.InRange(nameof(options.BreakerFailureRatio), options.BreakerFailureRatio, C.MinBreakerFailureRatio, C.MaxBreakerFailureRatio);
        errors.InRange(nameof(options.BreakerMinimumThroughput), options.BreakerMinimumThroughput, C.MinBreakerMinimumThroughput, C.MaxBreakerMinimumThroughput);
        errors.InRange(nameof(options.BreakerSamplingDuration), options.BreakerSamplingDuration, C.MinBreakerSamplingDuration, C.MaxBreakerSamplingDuration);
        errors.InRange(nameof(options.BreakerBreakDuration), options.BreakerBreakDuration, C.MinBreakerBreakDuration, C.MaxBreakerBreakDuration);
        return errors.Result;
    }
}
