namespace Pitchey.Migrations.Tests;

public sealed class MigrationOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new MigrationOptionsValidator().Validate(null, new MigrationOptions()).Succeeded);

    [Fact]
    public void Validate_EveryPropertyOutOfRange_NamesEachKeyWithItsBounds()
    {
        var options = new MigrationOptions
        {
            LockTimeout = TimeSpan.FromMilliseconds(10),
            LockRetryBudget = TimeSpan.FromDays(2),
            RetryBaseDelay = TimeSpan.Zero,
            RetryMaxDelay = TimeSpan.FromMinutes(11),
            ProgressInterval = TimeSpan.FromMinutes(2),
            LargeTableRows = -1,
            PlanCostGrowth = 101,
        };

        var result = new MigrationOptionsValidator().Validate(null, options);

        Assert.Equal(
            "Migrations:LockTimeout must be between 00:00:00.050 and 00:01:00.; "
            + "Migrations:LockRetryBudget must be between 00:00:00 and 1.00:00:00.; "
            + "Migrations:RetryBaseDelay must be between 00:00:00.010 and 00:01:00.; "
            + "Migrations:RetryMaxDelay must be between 00:00:00.010 and 00:10:00.; "
            + "Migrations:ProgressInterval must be between 00:00:00.050 and 00:01:00.; "
            + "Migrations:LargeTableRows must be between 0 and 1000000000000.; "
            + "Migrations:PlanCostGrowth must be between 0 and 100.",
            result.FailureMessage);
    }

    [Fact]
    public void Validate_Bounds_AreInclusive()
    {
        var options = new MigrationOptions
        {
            LockTimeout = MigrationConstants.MinLockTimeout,
            LockRetryBudget = MigrationConstants.MaxLockRetryBudget,
            RetryBaseDelay = MigrationConstants.MinRetryBaseDelay,
            RetryMaxDelay = MigrationConstants.MaxRetryMaxDelay,
            ProgressInterval = MigrationConstants.MaxProgressInterval,
            LargeTableRows = MigrationConstants.MinLargeTableRows,
            PlanCostGrowth = MigrationConstants.MaxPlanCostGrowth,
        };

        Assert.True(new MigrationOptionsValidator().Validate(null, options).Succeeded);
    }
}
