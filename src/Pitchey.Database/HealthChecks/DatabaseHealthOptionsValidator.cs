using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;

namespace Pitchey.Database.HealthChecks;

/// <summary>Checks <see cref="DatabaseHealthOptions"/> against <see cref="DatabaseHealthConstants"/>.</summary>
internal sealed class DatabaseHealthOptionsValidator : IValidateOptions<DatabaseHealthOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseHealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(DatabaseHealthOptions.SectionName);
        errors.InRange(
            nameof(options.DegradedLatencyMs), options.DegradedLatencyMs,
            DatabaseHealthConstants.MinDegradedLatencyMs, DatabaseHealthConstants.MaxDegradedLatencyMs);
        return errors.Result;
    }
}
