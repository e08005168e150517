using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Pitchey.Database.DataSources;

namespace Pitchey.Database.Routing;

/// <summary>Keys of the database module's named Polly pipelines, and how they are built.</summary>
public static partial class DatabasePipelines
{
    /// <summary>Reads: transient failures retried, first on another host, then with backoff and jitter.</summary>
    public const string Read = "pitchey-db-read";

    /// <summary>Everything that runs on the primary: a circuit breaker that fails fast while it is down.</summary>
    public const string Primary = "pitchey-db-primary";

    /// <summary>Marks the read in flight, so the retry delay can tell a failover from a same-host retry.</summary>
    internal static readonly ResiliencePropertyKey<IReadAttempt> AttemptKey = new("pitchey.db.read-attempt");

    /// <summary>Adds both pipelines and the breaker state they share with routing and health.</summary>
    internal static void Register(IServiceCollection services)
    {
        services.AddSingleton<PrimaryBreakerState>();
        services.AddResiliencePipeline(Read, static (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<DatabaseRoutingOptions>>().Value;
            if (options.ReadRetries == 0)
            {
                return;
            }

            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.ReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = DatabaseRoutingConstants.MaxRetryDelay,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is { } e && DatabaseErrors.IsTransient(e)),
                // Another host is worth trying at once; the same host again needs time to recover.
                DelayGenerator = static args => ValueTask.FromResult<TimeSpan?>(
                    args.Context.Properties.TryGetValue(AttemptKey, out var attempt) && attempt.NextIsAnotherHost() ? TimeSpan.Zero : null),
                OnRetry = static args =>
                {
                    if (args.Context.Properties.TryGetValue(AttemptKey, out var attempt))
                    {
                        attempt.OnRetry(args.RetryDelay == TimeSpan.Zero);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        });
        services.AddResiliencePipeline(Primary, static (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<DatabaseRoutingOptions>>().Value;
            var state = context.ServiceProvider.GetRequiredService<PrimaryBreakerState>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabasePipelines));
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                StateProvider = state.Provider,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is { } e && DatabaseErrors.IsConnectionFailure(e)),
                OnOpened = args =>
                {
                    LogBreakerOpened(logger, (long)args.BreakDuration.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    LogBreakerHalfOpened(logger);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogBreakerClosed(logger);
                    return ValueTask.CompletedTask;
                },
            });
        });
    }
}
