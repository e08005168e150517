using System.Globalization;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using static Pitchey.Gateway.Management.ManagementConstants;

namespace Pitchey.Gateway.Management;

/// <summary>Every <c>Management</c> setting usable; each failure names its full key, never the value (the hash guards the plane).</summary>
internal sealed class ManagementOptionsValidator : IValidateOptions<ManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(ManagementOptions.SectionName);
        if (!ListenerAddress.TryParseList(options.Urls, httpOnly: true, out _, out var bad))
        {
            errors.Add(
                nameof(options.Urls),
                $"entry {bad.ToString(CultureInfo.InvariantCulture)} is not an http://host:port address with an IP address, localhost or * as host "
                + "(https is not served here: put TLS in front; localhost needs a fixed port).");
        }

        if (!string.IsNullOrEmpty(options.ApiKeySha256) && !IsKeyHash(options.ApiKeySha256))
        {
            errors.Add(
                nameof(options.ApiKeySha256),
                $"must be {KeyHashLength.ToString(CultureInfo.InvariantCulture)} hexadecimal characters: the SHA-256 of the key (sha256sum), never the key itself.");
        }

        for (var i = 0; i < options.AllowedHosts.Count; i++)
        {
            var host = options.AllowedHosts[i];
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/', StringComparison.Ordinal) || host.Contains(' ', StringComparison.Ordinal))
            {
                errors.Add($"{nameof(options.AllowedHosts)}:{i.ToString(CultureInfo.InvariantCulture)}", "must be a host name or address, without scheme or path.");
            }
        }

        errors.InRange(nameof(options.HistoryWindow), options.HistoryWindow, MinHistoryWindow, MaxHistoryWindow);
        errors.InRange(nameof(options.HistoryInterval), options.HistoryInterval, MinHistoryInterval, MaxHistoryInterval);
        if (options.HistoryInterval > TimeSpan.Zero && options.HistoryWindow / options.HistoryInterval > MaxHistorySamples)
        {
            errors.Add(
                nameof(options.HistoryWindow),
                $"divided by {nameof(options.HistoryInterval)} must be at most {MaxHistorySamples.ToString(CultureInfo.InvariantCulture)} samples.");
        }

        return errors.Result;
    }

    private static bool IsKeyHash(string value) => value.Length == KeyHashLength && value.All(char.IsAsciiHexDigit);
}
