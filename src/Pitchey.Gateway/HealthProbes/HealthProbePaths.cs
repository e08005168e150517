namespace Pitchey.Gateway.HealthProbes;

/// <summary>The probe paths other features need to recognise (host check, rate limits).</summary>
internal static class HealthProbePaths
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";
    public const string Summary = "/health";
    public const string ApiHealth = "/api/health";
    public const string Detailed = "/api/health/detailed";

    /// <summary>The paths orchestrators and load balancers probe by the pod's or node's address.</summary>
    public static bool IsKubernetesProbe(PathString path) =>
        path.Equals(Live, StringComparison.OrdinalIgnoreCase)
        || path.Equals(Ready, StringComparison.OrdinalIgnoreCase)
        || path.Equals(Summary, StringComparison.OrdinalIgnoreCase);
}
