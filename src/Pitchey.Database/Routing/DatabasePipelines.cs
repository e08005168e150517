using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Pitchey.Database.DataSources;
using Pitchey.Database.Diagnostics;

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
                MaxDelay = TimeSpan.FromSeconds(5),
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

    [LoggerMessage(EventId = RoutingEventIds.BreakerOpened, Level = LogLevel.Warning,
        Message = "Primary database circuit opened for {BreakMs} ms: calls that need the primary fail fast")]
    private static partial void LogBreakerOpened(ILogger logger, long breakMs);

    [LoggerMessage(EventId = RoutingEventIds.BreakerHalfOpened, Level = LogLevel.Information,
        Message = "Primary database circuit half-open: letting a trial call through")]
    private static partial void LogBreakerHalfOpened(ILogger logger);

    [LoggerMessage(EventId = RoutingEventIds.BreakerClosed, Level = LogLevel.Information,
        Message = "Primary database circuit closed: the primary answers again")]
    private static partial void LogBreakerClosed(ILogger logger);
}

/// <summary>The primary breaker's state, readable by routing, health and the LSN reader.</summary>
internal sealed class PrimaryBreakerState
{
    public CircuitBreakerStateProvider Provider { get; } = new();

    /// <summary>Open or isolated: calls to the primary are refused without connecting.</summary>
    public bool IsOpen => Provider.CircuitState is CircuitState.Open or CircuitState.Isolated;

    public string Describe() => Provider.CircuitState switch
    {
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half-open",
        CircuitState.Isolated => "isolated",
        _ => "closed",
    };
}

/// <summary>The part of a read in flight that the retry strategy needs to see.</summary>
internal interface IReadAttempt
{
    bool NextIsAnotherHost();

    void OnRetry(bool otherHost);
}
