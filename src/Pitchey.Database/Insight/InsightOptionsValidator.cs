using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using C = Pitchey.Database.Insight.InsightConstants;

namespace Pitchey.Database.Insight;

/// <summary>Every threshold of <see cref="InsightOptions"/> in its range.</summary>
internal sealed class InsightOptionsValidator : IValidateOptions<InsightOptions>
{
    public ValidateOptionsResult Validate(string? name, InsightOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(InsightOptions.SectionName);
        errors.InRange(nameof(options.Interval), options.Interval, C.MinInterval, C.MaxInterval);
        errors.InRange(nameof(options.QueryTimeout), options.QueryTimeout, C.MinQueryTimeout, C.MaxQueryTimeout);
        errors.InRange(nameof(options.UnusedIndexMinBytes), options.UnusedIndexMinBytes, 0, C.MaxBytes);
        errors.InRange(nameof(options.UnusedIndexMaxScans), options.UnusedIndexMaxScans, 0, C.MaxScans);
        errors.InRange(nameof(options.MinimumStatisticsAge), options.MinimumStatisticsAge, TimeSpan.Zero, C.MaxMinimumStatisticsAge);
        errors.InRange(nameof(options.SequentialScanMaxIndexShare), options.SequentialScanMaxIndexShare, 0, 1);
        errors.InRange(nameof(options.SequentialScanMinRows), options.SequentialScanMinRows, 0, C.MaxRows);
        errors.InRange(nameof(options.StaleStatisticsMinRows), options.StaleStatisticsMinRows, 0, C.MaxRows);
        errors.InRange(nameof(options.StaleStatisticsModifiedShare), options.StaleStatisticsModifiedShare, 0, C.MaxModifiedShare);
        errors.InRange(nameof(options.SequenceMaxShare), options.SequenceMaxShare, 0, 1);
        errors.InRange(nameof(options.TransactionIdsLeft), options.TransactionIdsLeft, 0, C.MaxTransactionIdsLeft);
        errors.InRange(nameof(options.SlowStatementMeanMs), options.SlowStatementMeanMs, 0, C.MaxSlowStatementMeanMs);
        errors.InRange(nameof(options.SlowStatementMinCalls), options.SlowStatementMinCalls, 0, C.MaxScans);
        errors.InRange(nameof(options.TopStatements), options.TopStatements, C.MinTopStatements, C.MaxTopStatements);
        errors.InRange(nameof(options.LongRunningQuery), options.LongRunningQuery, C.MinSessionAge, C.MaxSessionAge);
        errors.InRange(nameof(options.IdleInTransaction), options.IdleInTransaction, C.MinSessionAge, C.MaxSessionAge);
        return errors.Result;
    }
}
