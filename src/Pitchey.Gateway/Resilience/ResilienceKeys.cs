namespace Pitchey.Gateway.Resilience;

/// <summary>Names of the resilience pipelines, the health check and the API cluster, in one place.</summary>
internal static class ResilienceKeys
{
    /// <summary>The cluster of the existing API; its open breaker makes readiness report degraded.</summary>
    public const string ApiCluster = "api";

    /// <summary>The health check that reports breaker state.</summary>
    public const string HealthCheck = "upstream-breaker";

    /// <summary>Pipeline name (telemetry) of a cluster's circuit breaker.</summary>
    public static string Breaker(string clusterId) => "breaker/" + clusterId;

    /// <summary>Pipeline name (telemetry) of a cluster's connect-failure retry.</summary>
    public static string Retry(string clusterId) => "retry/" + clusterId;
}
