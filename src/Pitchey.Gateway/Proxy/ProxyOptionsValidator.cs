using System.Globalization;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;

namespace Pitchey.Gateway.Proxy;

/// <summary>
/// Every <c>Proxy:TrustedProxies</c> entry parses and every <c>Proxy:ClientAddressHeaders</c> entry is a header
/// name; each bad one is named by its index, never by its text.
/// </summary>
internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(ProxyOptions.SectionName);
        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!TrustedProxy.TryParse(options.TrustedProxies[i], out _, out _))
            {
                errors.Add(
                    $"{nameof(options.TrustedProxies)}:{i.ToString(CultureInfo.InvariantCulture)}",
                    "is neither an IP address nor a CIDR network.");
            }
        }

        if (options.ClientAddressHeaders is { } headers)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (!ClientAddressHeaders.IsValidEntry(headers[i]))
                {
                    errors.Add(
                        $"{nameof(options.ClientAddressHeaders)}:{i.ToString(CultureInfo.InvariantCulture)}",
                        "is not a header name (letters, digits and -, optionally ending in *).");
                }
            }
        }

        if (!ClientAddressHeaders.IsValidEntry(options.ForwardedForHeader) || options.ForwardedForHeader.EndsWith('*'))
        {
            errors.Add(nameof(options.ForwardedForHeader), "is not a header name.");
        }

        return errors.Result;
    }
}
