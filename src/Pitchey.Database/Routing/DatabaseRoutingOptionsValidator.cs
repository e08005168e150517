using Microsoft.Extensions.Options;

namespace Pitchey.Database.Routing;

/// <summary>What DataAnnotations cannot reach: the rules dictionary and relations between settings.</summary>
internal sealed class DatabaseRoutingOptionsValidator : IValidateOptions<DatabaseRoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseRoutingOptions options)
    {
        var failures = new List<string>();
        foreach (var (query, rule) in options.Rules)
        {
            if (rule.MaxLagSeconds is < 0 or > 86_400 || (rule.MaxLagSeconds is { } lag && double.IsNaN(lag)))
            {
                failures.Add($"{DatabaseRoutingOptions.SectionName}:Rules:{query}:MaxLagSeconds must be between 0 and 86400.");
            }

            if (rule.TargetKind is null)
            {
                failures.Add($"{DatabaseRoutingOptions.SectionName}:Rules:{query}:Target must be Replica or Primary.");
            }
        }

        if (options.MonitorTimeout > options.MonitorInterval)
        {
            failures.Add($"{DatabaseRoutingOptions.SectionName}:MonitorTimeout must not exceed {DatabaseRoutingOptions.SectionName}:MonitorInterval.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
