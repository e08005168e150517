using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Proxy;

/// <summary>
/// The web host's own host filter answers every listener, probes included, with an HTML page;
/// <see cref="HostCheckMiddleware"/> applies the same <c>AllowedHosts</c> setting in the gateway's
/// way. ASP.NET Core registers its filter as an internal <see cref="IStartupFilter"/>, known only by
/// its type name: if a new version renames or moves it, nothing would be removed and both checks
/// would run, so start-up stops instead (a test pins that the name matches on this version).
/// </summary>
internal static class DefaultHostFilter
{
    public const string TypeName = "HostFilteringStartupFilter";

    public static void Remove(IServiceCollection services)
    {
        var found = services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == TypeName).ToArray();
        if (found.Length == 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(HostFilteringOptions),
            [
                $"AllowedHosts: ASP.NET Core's own host filter ({TypeName}) was not found to replace with the gateway's Host check; "
                + "this ASP.NET Core version registers it differently, and the gateway must be updated for it.",
            ]);
        }

        foreach (var descriptor in found)
        {
            services.Remove(descriptor);
        }
    }
}
