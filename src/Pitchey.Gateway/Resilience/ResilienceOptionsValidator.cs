using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using static Pitchey.Gateway.Resilience.ClusterResilienceConstants;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// Validates every cluster's settings, at start-up and (through <see cref="BreakerRegistry"/>) on
/// every reload; each failure names its full key, e.g.
/// <c>Resilience:Clusters:api:FailureRatio must be between 0.01 and 1.</c>
/// </summary>
internal sealed class ResilienceOptionsValidator : IValidateOptions<ResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(ResilienceOptions.SectionName);
        foreach (var (clusterId, cluster) in options.Clusters)
        {
            // An entry with nothing under it binds to null; such a cluster gets the defaults.
            if (cluster is not null)
            {
                ValidateCluster(errors.Section($"Clusters:{clusterId}"), cluster);
            }
        }

        return errors.Result;
    }

    private static void ValidateCluster(OptionsErrors errors, ClusterResilienceOptions cluster)
    {
        errors.InRange(nameof(cluster.FailureRatio), cluster.FailureRatio, MinFailureRatio, MaxFailureRatio);
        errors.InRange(nameof(cluster.MinimumThroughput), cluster.MinimumThroughput, MinMinimumThroughput, MaxMinimumThroughput);
        errors.InRange(nameof(cluster.SamplingDuration), cluster.SamplingDuration, MinSamplingDuration, MaxSamplingDuration);
        errors.InRange(nameof(cluster.BreakDuration), cluster.BreakDuration, MinBreakDuration, MaxBreakDuration);
        if (cluster.FailureStatusCodes is null)
        {
            errors.Add(nameof(cluster.FailureStatusCodes), "is required.");
        }
        else if (!FailureStatusCodes.TryParse(cluster.FailureStatusCodes, out _, out var problem))
        {
            errors.Add(nameof(cluster.FailureStatusCodes), problem);
        }

        errors.InRange(nameof(cluster.MaxRetries), cluster.MaxRetries, MinMaxRetries, MaxMaxRetries);
        errors.InRange(nameof(cluster.RetryBaseDelay), cluster.RetryBaseDelay, MinRetryBaseDelay, MaxRetryBaseDelay);
    }
}
