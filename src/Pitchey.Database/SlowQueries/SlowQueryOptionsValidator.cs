using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using C = Pitchey.Database.SlowQueries.SlowQueryConstants;

namespace Pitchey.Database.SlowQueries;

/// <summary>Every bound of <see cref="SlowQueryOptions"/>, each per-query threshold included.</summary>
internal sealed class SlowQueryOptionsValidator : IValidateOptions<SlowQueryOptions>
{
    public ValidateOptionsResult Validate(string? name, SlowQueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(SlowQueryOptions.SectionName);
        errors.InRange(nameof(options.ThresholdMs), options.ThresholdMs, C.MinThresholdMs, C.MaxThresholdMs);
        foreach (var (query, rule) in options.Queries)
        {
            if (rule.ThresholdMs is { } threshold)
            {
                errors.Section($"{nameof(options.Queries)}:{query}").InRange(nameof(rule.ThresholdMs), threshold, C.MinThresholdMs, C.MaxThresholdMs);
            }
        }

        errors.InRange(nameof(options.Capacity), options.Capacity, C.MinCapacity, C.MaxCapacity);
        return errors.Result;
    }
}
