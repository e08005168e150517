using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Management;

/// <summary>
/// Binds Kestrel while the management plane is on: the public listener from <c>Urls</c> and the
/// management listener from <c>Management:Urls</c>, whose connections are marked with
/// <see cref="ManagementConnection"/>. Kestrel serves either the <c>Urls</c> setting or listeners
/// configured in code, never both, so both are configured here.
/// </summary>
/// <param name="publicAddresses">The parsed <c>Urls</c>.</param>
/// <param name="managementUrls">The raw <c>Management:Urls</c>.</param>
internal sealed class GatewayListeners(IReadOnlyList<ListenerAddress> publicAddresses, string? managementUrls)
    : IConfigureOptions<KestrelServerOptions>
{
    private readonly List<(ListenerAddress Address, ListenOptions Listen)> _management = [];

    /// <summary>
    /// The management listener's addresses, with the ports actually bound (Kestrel writes the chosen
    /// port back when a listener asked for port 0). Meaningful once the server has started.
    /// </summary>
    public IReadOnlyList<Uri> ManagementAddresses => _management
        .Select(static m => m.Address.IsLocalhost || m.Listen.EndPoint is not IPEndPoint endpoint
            ? new Uri($"http://localhost:{m.Address.Port}/")
            : new Uri($"http://{endpoint}/"))
        .ToArray();

    public void Configure(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var address in publicAddresses)
        {
            Listen(options, address, listen =>
            {
                if (address.IsHttps)
                {
                    listen.UseHttps();
                }
            });
        }

        // A bad entry is left out here and stops start-up in ManagementOptionsValidator, with a
        // message naming the key: this runs before validation and must not throw.
        if (ListenerAddress.TryParseList(managementUrls, httpOnly: true, out var management, out _))
        {
            foreach (var address in management)
            {
                Listen(options, address, listen =>
                {
                    _management.Add((address, listen));
                    listen.Use(next => connection =>
                    {
                        connection.Features.Set(ManagementConnection.Instance);
                        return next(connection);
                    });
                });
            }
        }
    }

    private static void Listen(KestrelServerOptions options, ListenerAddress address, Action<ListenOptions> configure)
    {
        if (address.IsLocalhost)
        {
            options.ListenLocalhost(address.Port, configure);
        }
        else if (address.Address is { } ip)
        {
            options.Listen(ip, address.Port, configure);
        }
        else
        {
            options.ListenAnyIP(address.Port, configure);
        }
    }
}
