using System.Globalization;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using static Pitchey.Gateway.Limits.LimitsConstants;

namespace Pitchey.Gateway.Limits;

/// <summary>Every <c>Limits</c> setting within its bounds; each failure names its full key.</summary>
internal sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(LimitsOptions.SectionName);
        errors.InRange(nameof(options.MaxRequestBodySize), options.MaxRequestBodySize, 0, MaxMaxRequestBodySize);
        errors.InRange(nameof(options.MaxRequestHeadersTotalSize), options.MaxRequestHeadersTotalSize, MinMaxRequestHeadersTotalSize, MaxMaxRequestHeadersTotalSize);
        errors.InRange(nameof(options.MaxRequestLineSize), options.MaxRequestLineSize, MinMaxRequestLineSize, MaxMaxRequestLineSize);
        errors.InRange(nameof(options.MinRequestBodyDataRate), options.MinRequestBodyDataRate, 0, MaxMinRequestBodyDataRate);
        errors.InRange(nameof(options.MinRequestBodyDataRateGracePeriod), options.MinRequestBodyDataRateGracePeriod,
            MinMinRequestBodyDataRateGracePeriod, MaxMinRequestBodyDataRateGracePeriod);
        if (options.AllowedMethods is { } methods)
        {
            for (var i = 0; i < methods.Count; i++)
            {
                if (methods[i] is not { } method || !HttpMethodNames.IsKnown(method))
                {
                    errors.Add($"{nameof(options.AllowedMethods)}:{i.ToString(CultureInfo.InvariantCulture)}",
                        "is not an HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, CONNECT; upper case).");
                }
            }
        }

        errors.InRange(nameof(options.TunedEndpointTimeout), options.TunedEndpointTimeout, MinTunedEndpointTimeout, MaxTunedEndpointTimeout);
        errors.InRange(nameof(options.DatabaseConcurrency), options.DatabaseConcurrency, MinDatabaseConcurrency, MaxDatabaseConcurrency);
        errors.InRange(nameof(options.DatabaseQueueLimit), options.DatabaseQueueLimit, 0, MaxDatabaseQueueLimit);
        errors.InRange(nameof(options.DatabaseQueueTimeout), options.DatabaseQueueTimeout, MinDatabaseQueueTimeout, MaxDatabaseQueueTimeout);
        return errors.Result;
    }
}
