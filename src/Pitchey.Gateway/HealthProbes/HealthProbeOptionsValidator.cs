using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using static Pitchey.Gateway.HealthProbes.HealthProbeConstants;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>Every <c>HealthProbes</c> setting within its bounds; each failure names its full key.</summary>
internal sealed class HealthProbeOptionsValidator : IValidateOptions<HealthProbeOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(HealthProbeOptions.SectionName);
        errors.InRange(nameof(options.CacheTtl), options.CacheTtl, MinCacheTtl, MaxCacheTtl);
        errors.InRange(nameof(options.RunTimeout), options.RunTimeout, MinRunTimeout, MaxRunTimeout);
        errors.InRange(nameof(options.MetricsWindow), options.MetricsWindow, MinMetricsWindow, MaxMetricsWindow);
        return errors.Result;
    }
}
