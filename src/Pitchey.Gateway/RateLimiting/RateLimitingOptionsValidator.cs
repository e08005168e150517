using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using static Pitchey.Gateway.RateLimiting.RateLimitingConstants;

namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// Every policy within its bounds, and <c>TunedEndpointsPolicy</c> naming one of them; each failure
/// names its full key. (Route references are checked by <c>ProxyRouteSettingsValidator</c>.)
/// </summary>
internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(RateLimitingOptions.SectionName);
        foreach (var (policyName, policy) in options.Policies)
        {
            if (policy is null)
            {
                continue;
            }

            var section = errors.Section($"Policies:{policyName}");
            if (!Enum.IsDefined(policy.Algorithm))
            {
                section.Add(nameof(policy.Algorithm), "must be TokenBucket, FixedWindow, SlidingWindow or Concurrency.");
            }

            section.InRange(nameof(policy.PermitLimit), policy.PermitLimit, 1, MaxPermitLimit);
            section.InRange(nameof(policy.Window), policy.Window, MinWindow, MaxWindow);
            section.InRange(nameof(policy.TokensPerPeriod), policy.TokensPerPeriod, 1, MaxPermitLimit);
            section.InRange(nameof(policy.SegmentsPerWindow), policy.SegmentsPerWindow, 1, MaxSegmentsPerWindow);
            section.InRange(nameof(policy.QueueLimit), policy.QueueLimit, 0, MaxQueueLimit);
        }

        if (!string.IsNullOrEmpty(options.TunedEndpointsPolicy) && !options.Policies.ContainsKey(options.TunedEndpointsPolicy))
        {
            errors.Add(nameof(options.TunedEndpointsPolicy), $"names policy '{options.TunedEndpointsPolicy}', which is not defined under RateLimiting:Policies.");
        }

        return errors.Result;
    }
}
