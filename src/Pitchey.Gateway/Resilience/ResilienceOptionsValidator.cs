using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// Validates every cluster's settings; each failure names its full key, e.g.
/// <c>Resilience:Clusters:api:FailureRatio must be between 0.01 and 1.</c>
/// </summary>
internal sealed class ResilienceOptionsValidator : IValidateOptions<ResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ResilienceOptions options)
    {
        var failures = Errors(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Errors(ResilienceOptions options)
    {
        var failures = new List<string>();
        foreach (var (clusterId, cluster) in options.Clusters)
        {
            var prefix = $"{ResilienceOptions.SectionName}:Clusters:{clusterId}:";
            if (cluster is null)
            {
                continue;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(cluster, new ValidationContext(cluster), results, validateAllProperties: true);
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames)
                {
                    failures.Add($"{prefix}{member} {result.ErrorMessage}");
                }
            }

            if (cluster.FailureStatusCodes is not null && !FailureStatusCodes.TryParse(cluster.FailureStatusCodes, out _, out var error))
            {
                failures.Add($"{prefix}{nameof(ClusterResilienceOptions.FailureStatusCodes)} {error}");
            }
        }

        return failures;
    }
}

/// <summary>Parses <c>5xx,408</c> into a lookup indexed by status code.</summary>
internal static class FailureStatusCodes
{
    public static bool TryParse(string text, out bool[] table, out string? error)
    {
        table = new bool[600];
        error = null;
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 3 && raw[0] is >= '1' and <= '5' && raw.EndsWith("xx", StringComparison.OrdinalIgnoreCase))
            {
                var start = (raw[0] - '0') * 100;
                Array.Fill(table, true, start, 100);
            }
            else if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
                && code is >= 100 and <= 599)
            {
                table[code] = true;
            }
            else
            {
                error = $"has '{raw}', which is neither a status code (100..599) nor a class such as 5xx.";
                return false;
            }
        }

        return true;
    }
}
