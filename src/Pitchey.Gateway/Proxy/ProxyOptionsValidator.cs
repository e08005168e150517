using System.Globalization;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;

namespace Pitchey.Gateway.Proxy;

/// <summary>Every <c>Proxy:TrustedProxies</c> entry parses; each bad one is named by its index, never by its text.</summary>
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

        return errors.Result;
    }
}
