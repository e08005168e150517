namespace Pitchey.Deployment.IntegrationTests.Settings;

/// <summary>
/// A deployment's environment variables as settings for a test gateway: names become keys
/// (<c>A__B</c> -> <c>A:B</c>), layered over the test's own settings, except what wires the gateway to
/// the deployment's other parts (listeners, databases, upstream, Redis, collector), which stays the test's.
/// </summary>
internal static class DeploymentSettings
{
    /// <summary>Keys (and key patterns) a test environment provides itself.</summary>
    private static readonly KnownSettings Wiring = KnownSettings.Of(
        "Urls", "Management:Urls", "Database:Primary", "Database:Replicas:*", "ReverseProxy:Clusters:*:Destinations:*:Address",
        "Cache:Redis", "RateLimiting:Redis");

    public static Dictionary<string, string?> Over(Dictionary<string, string?> testSettings, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var settings = new Dictionary<string, string?>(testSettings, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment)
        {
            // OTEL_* and the like are read from the environment, never as keys; the collector is not there anyway.
            if (name.Contains('_', StringComparison.Ordinal) && !name.Contains("__", StringComparison.Ordinal))
            {
                continue;
            }

            var key = name.Replace("__", ":", StringComparison.Ordinal);
            if (!Wiring.Knows(key))
            {
                settings[key] = value;
            }
        }

        return settings;
    }
}
