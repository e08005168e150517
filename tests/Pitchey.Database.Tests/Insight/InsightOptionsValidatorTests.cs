using Pitchey.Database.Insight;

namespace Pitchey.Database.Tests.Insight;

public sealed class InsightOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new InsightOptionsValidator().Validate(null, new InsightOptions()).Succeeded);

    [Fact]
    public void Validate_EveryBoundBroken_NamesEachKey()
    {
        var options = new InsightOptions
        {
            Interval = TimeSpan.Zero,
            QueryTimeout = TimeSpan.FromMinutes(2),
            UnusedIndexMinBytes = -1,
            UnusedIndexMaxScans = -1,
            MinimumStatisticsAge = TimeSpan.FromDays(400),
            SequentialScanMaxIndexShare = 1.5,
            SequentialScanMinRows = -1,
            StaleStatisticsMinRows = -1,
            StaleStatisticsModifiedShare = double.NaN,
            SequenceMaxShare = -0.1,
            TransactionIdsLeft = -1,
            SlowStatementMeanMs = -1,
            SlowStatementMinCalls = -1,
            TopStatements = 0,
            LongRunningQuery = TimeSpan.Zero,
            IdleInTransaction = TimeSpan.FromDays(2),
        };

        var result = new InsightOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Database:Insight:Interval must be between 00:00:01 and 01:00:00.",
                "Database:Insight:QueryTimeout must be between 00:00:01 and 00:01:00.",
                "Database:Insight:UnusedIndexMinBytes must be between 0 and 1125899906842624.",
                "Database:Insight:UnusedIndexMaxScans must be between 0 and 1000000000.",
                "Database:Insight:MinimumStatisticsAge must be between 00:00:00 and 365.00:00:00.",
                "Database:Insight:SequentialScanMaxIndexShare must be between 0 and 1.",
                "Database:Insight:SequentialScanMinRows must be between 0 and 1000000000000.",
                "Database:Insight:StaleStatisticsMinRows must be between 0 and 1000000000000.",
                "Database:Insight:StaleStatisticsModifiedShare must be between 0 and 100.",
                "Database:Insight:SequenceMaxShare must be between 0 and 1.",
                "Database:Insight:TransactionIdsLeft must be between 0 and 2000000000.",
                "Database:Insight:SlowStatementMeanMs must be between 0 and 3600000.",
                "Database:Insight:SlowStatementMinCalls must be between 0 and 1000000000.",
                "Database:Insight:TopStatements must be between 1 and 100.",
                "Database:Insight:LongRunningQuery must be between 00:00:01 and 1.00:00:00.",
                "Database:Insight:IdleInTransaction must be between 00:00:01 and 1.00:00:00.",
            ],
            result.Failures);
    }
}
