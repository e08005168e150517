using System.Buffers;
using System.Net.Http;
using System.Text.Json;
using Pitchey.Gateway.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// One cluster's Polly circuit breaker and connect-failure retry, with what the rejection path
/// needs ready-made (problem bodies) so an open breaker answers without building anything.
/// </summary>
internal sealed partial class ClusterBreaker
{
    /// <summary>Set on the execution Polly chose as the half-open probe.</summary>
    private static readonly ResiliencePropertyKey<bool> ProbeKey = new("pitchey.breaker.probe");

    private readonly CircuitBreakerStateProvider _state = new();
    private readonly CircuitBreakerManualControl _control = new();
    private readonly ResilienceMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _openUntilTicks;
    private long _failures;
    private long _successes;
    private long _ignored;
    private long _rejections;

    public ClusterBreaker(string clusterId, ClusterPolicy policy, ResilienceMetrics metrics, TimeProvider time, ILogger logger)
    {
        ClusterId = clusterId;
        Policy = policy;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        FailureStatusCodes.TryParse(policy.FailureStatusCodes, out var codes, out _);
        FailureCodes = codes;
        OpenBody = ProblemBody(clusterId, $"The circuit breaker for upstream cluster '{clusterId}' is open: the upstream has been failing, so the gateway is not forwarding to it.");
        IsolatedBody = ProblemBody(clusterId, $"The circuit breaker for upstream cluster '{clusterId}' has been isolated by an operator: the gateway is not forwarding to it.");

        Pipeline = new ResiliencePipelineBuilder<ForwardOutcome> { Name = ResilienceKeys.Breaker(clusterId), TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<ForwardOutcome>
            {
                FailureRatio = policy.FailureRatio,
                MinimumThroughput = policy.MinimumThroughput,
                SamplingDuration = policy.SamplingDuration,
                BreakDuration = policy.BreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(IsFailure(args.Outcome, args.Context)),
                StateProvider = _state,
                ManualControl = _control,
                OnOpened = OnOpened,
                OnHalfOpened = OnHalfOpened,
                OnClosed = OnClosed,
            })
            .Build();

        if (policy.MaxRetries > 0)
        {
            Retry = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = ResilienceKeys.Retry(clusterId), TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = policy.MaxRetries,
                    Delay = policy.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = static args => ValueTask.FromResult(IsConnectFailure(args.Outcome.Exception)),
                    OnRetry = OnRetry,
                })
                .Build();
        }
    }

    public string ClusterId { get; }

    public ClusterPolicy Policy { get; }

    /// <summary>Status codes that count as failures, indexed by code.</summary>
    public bool[] FailureCodes { get; }

    public ResiliencePipeline<ForwardOutcome> Pipeline { get; }

    /// <summary>Retries connect failures; null when the cluster allows no retries.</summary>
    public ResiliencePipeline<HttpResponseMessage>? Retry { get; }

    /// <summary>The <c>application/problem+json</c> body of a rejection while open.</summary>
    public byte[] OpenBody { get; }

    /// <summary>The body of a rejection while isolated by an operator.</summary>
    public byte[] IsolatedBody { get; }

    public CircuitState State => _state.CircuitState;

    /// <summary>Outcomes the breaker has counted (failures, successes) and left out (client aborts).</summary>
    public BreakerCounts Counts => new(
        Interlocked.Read(ref _failures), Interlocked.Read(ref _successes), Interlocked.Read(ref _ignored), Interlocked.Read(ref _rejections));

    /// <summary>
    /// Answers for Polly when the answer is certainly "rejected": isolated, a probe in flight, or
    /// open with time left. Otherwise (closed, or open and due for a probe) the caller goes through
    /// <see cref="Pipeline"/>, which picks the one probe.
    /// </summary>
    public bool TryRejectFast(out byte[] body, out long retryAfterSeconds)
    {
        var state = _state.CircuitState;
        switch (state)
        {
            case CircuitState.Closed:
                break;
            case CircuitState.Open when _time.GetUtcNow().UtcTicks >= Volatile.Read(ref _openUntilTicks):
                break;
            default:
                body = state == CircuitState.Isolated ? IsolatedBody : OpenBody;
                retryAfterSeconds = RetryAfterSeconds(state);
                return true;
        }

        body = OpenBody;
        retryAfterSeconds = 0;
        return false;
    }

    /// <summary>Seconds until a probe may go through; at least 1 so clients never spin.</summary>
    public long RetryAfterSeconds(CircuitState state)
    {
        switch (state)
        {
            case CircuitState.Open:
                var left = Volatile.Read(ref _openUntilTicks) - _time.GetUtcNow().UtcTicks;
                return Math.Max(1, (left + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
            case CircuitState.Isolated:
                // No probe until an operator resets it; the break duration is a sensible pace to ask again.
                return Math.Max(1, (long)Math.Ceiling(Policy.BreakDuration.TotalSeconds));
            default:
                return 1;
        }
    }

    /// <summary>Counts a request answered 503 without being forwarded (in <see cref="Counts"/> and on the meter).</summary>
    public void CountRejection()
    {
        Interlocked.Increment(ref _rejections);
        _metrics.Rejected(ClusterId);
    }

    /// <summary>Turns a finished request into what the breaker should record.</summary>
    public Outcome<ForwardOutcome> Record(ForwardOutcome outcome)
    {
        switch (outcome)
        {
            case ForwardOutcome.Success:
                Interlocked.Increment(ref _successes);
                return Outcome.FromResult(ForwardOutcome.Success);
            case ForwardOutcome.Failure:
                Interlocked.Increment(ref _failures);
                return Outcome.FromResult(ForwardOutcome.Failure);
            default:
                // Polly records neither a success nor a failure for an unhandled exception outcome,
                // which is exactly "not counted" (see IsFailure for the one exception: the probe).
                Interlocked.Increment(ref _ignored);
                return Outcome.FromException<ForwardOutcome>(NotCountedException.Instance);
        }
    }

    /// <summary>True for the marker <see cref="Record"/> uses for outcomes it does not count.</summary>
    public static bool IsNotCounted(Exception? exception) => ReferenceEquals(exception, NotCountedException.Instance);

    public Task IsolateAsync() => _control.IsolateAsync();

    public Task ResetAsync() => _control.CloseAsync();

    private static bool IsFailure(Outcome<ForwardOutcome> outcome, ResilienceContext context)
    {
        if (outcome.Exception is null)
        {
            return outcome.Result == ForwardOutcome.Failure;
        }

        // A probe that ends without a verdict (client gone, gateway error) would leave Polly
        // half-open for good, so it re-opens the breaker: there is still no evidence of recovery.
        return context.Properties.TryGetValue(ProbeKey, out var probe) && probe;
    }

    /// <summary>
    /// A failure to establish the connection: nothing of the request was written, so sending it
    /// again cannot make the upstream act twice.
    /// </summary>
    internal static bool IsConnectFailure(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private ValueTask OnOpened(OnCircuitOpenedArguments<ForwardOutcome> args)
    {
        if (args.IsManual)
        {
            LogIsolated(_logger, ClusterId);
            Transitioned(CircuitState.Isolated);
            return default;
        }

        var until = _time.GetUtcNow() + args.BreakDuration;
        Volatile.Write(ref _openUntilTicks, until.UtcTicks);
        LogOpened(_logger, ClusterId, args.BreakDuration.TotalSeconds);
        Transitioned(CircuitState.Open);
        return default;
    }

    private ValueTask OnHalfOpened(OnCircuitHalfOpenedArguments args)
    {
        args.Context.Properties.Set(ProbeKey, true);
        LogHalfOpened(_logger, ClusterId);
        Transitioned(CircuitState.HalfOpen);
        return default;
    }

    private ValueTask OnClosed(OnCircuitClosedArguments<ForwardOutcome> args)
    {
        LogClosed(_logger, ClusterId, args.IsManual);
        Transitioned(CircuitState.Closed);
        return default;
    }

    private ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        _metrics.Retried(ClusterId);
        LogRetrying(_logger, ClusterId, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
        return default;
    }

    private void Transitioned(CircuitState state) => _metrics.Transitioned(ClusterId, state);

    private static byte[] ProblemBody(string clusterId, string detail)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4");
            writer.WriteString("title", "Service Unavailable");
            writer.WriteNumber("status", 503);
            writer.WriteString("detail", detail);
            writer.WriteString("cluster", clusterId);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Marks an outcome the breaker must not count; one shared instance, never thrown.</summary>
    private sealed class NotCountedException : Exception
    {
        public static readonly NotCountedException Instance = new();

        private NotCountedException()
            : base("Outcome not counted by the circuit breaker.")
        {
        }
    }
}
