using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Management;

/// <summary>What others may ask of the management plane. Public: the test host finds its listener here.</summary>
public static class ManagementPlane
{
    /// <summary>
    /// The management listener's addresses with their bound ports, once the app has started; empty
    /// while the plane is off (no <c>Management:ApiKeySha256</c>).
    /// </summary>
    public static IReadOnlyList<Uri> Addresses(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<GatewayListeners>()?.ManagementAddresses ?? [];
    }

    /// <summary>The settings as bound at build time, before validation: enough to decide what to wire.</summary>
    internal static ManagementOptions Settings(IConfiguration configuration)
    {
        var settings = new ManagementOptions();
        configuration.GetSection(ManagementOptions.SectionName).Bind(settings);
        return settings;
    }

    /// <summary>True when the plane is on (a key hash is configured), read from the built app's options.</summary>
    internal static bool IsEnabled(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ManagementOptions>>().Value.Enabled;
}
