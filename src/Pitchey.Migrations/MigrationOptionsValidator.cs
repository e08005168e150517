using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using Pitchey.Migrations.Throttling;

namespace Pitchey.Migrations;

/// <summary>Checks every <see cref="MigrationOptions"/> property against <see cref="MigrationConstants"/> (and the throttle section with its own validator); each message names its key.</summary>
public sealed class MigrationOptionsValidator : IValidateOptions<MigrationOptions>
{
    public ValidateOptionsResult Validate(string? name, MigrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(MigrationOptions.SectionName);
        errors.InRange(nameof(options.LockTimeout), options.LockTimeout, MigrationConstants.MinLockTimeout, MigrationConstants.MaxLockTimeout);
        errors.InRange(nameof(options.LockRetryBudget), options.LockRetryBudget, MigrationConstants.MinLockRetryBudget, MigrationConstants.MaxLockRetryBudget);
        errors.InRange(nameof(options.RetryBaseDelay), options.RetryBaseDelay, MigrationConstants.MinRetryBaseDelay, MigrationConstants.MaxRetryBaseDelay);
        errors.InRange(nameof(options.RetryMaxDelay), options.RetryMaxDelay, MigrationConstants.MinRetryMaxDelay, MigrationConstants.MaxRetryMaxDelay);
        errors.InRange(nameof(options.ProgressInterval), options.ProgressInterval, MigrationConstants.MinProgressInterval, MigrationConstants.MaxProgressInterval);
        errors.InRange(nameof(options.LargeTableRows), options.LargeTableRows, MigrationConstants.MinLargeTableRows, MigrationConstants.MaxLargeTableRows);
        errors.InRange(nameof(options.PlanCostGrowth), options.PlanCostGrowth, MigrationConstants.MinPlanCostGrowth, MigrationConstants.MaxPlanCostGrowth);
        ThrottleOptionsValidator.Check(errors.Section(ThrottleOptions.SectionName), options.Throttle);
        return errors.Result;
    }
}
