using System.Net.Http.Headers;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>
/// An HTTP client of the gateway's management listener that sends <c>Authorization: ApiKey ...</c>.
/// The key comes from <c>--api-key-file</c> or <see cref="RunConstants.ApiKeyVariable"/>, never the
/// command line (every local user can read one), and is never printed.
/// </summary>
internal static class ManagementClient
{
    /// <summary>The client, or null when no key can be found.</summary>
    public static async Task<HttpClient?> CreateAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string? key;
        try
        {
            key = settings.ApiKeyFile is { } file
                ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim()
                : Environment.GetEnvironmentVariable(RunConstants.ApiKeyVariable)?.Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            key = null; // an unreadable key file is no key: the caller says what to give
        }

        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var client = new HttpClient { BaseAddress = settings.Management, Timeout = RunConstants.DefaultTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }
}
