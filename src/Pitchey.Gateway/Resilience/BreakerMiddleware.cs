using System.Buffers;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Http.Timeouts;
using Pitchey.Gateway.Limits;
using Polly;
using Polly.CircuitBreaker;
using Yarp.ReverseProxy.Forwarder;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// First step of YARP's proxy pipeline: an open breaker answers 503 at once and the request never
/// reaches load balancing; otherwise the rest of the pipeline (forwarding included) runs inside the
/// cluster's Polly breaker, which then records what the forward says about the upstream.
/// </summary>
internal sealed class BreakerMiddleware(RequestDelegate next, BreakerRegistry registry)
{
    private const string ProblemJson = "application/problem+json";
    private const string NoStore = "no-store";
    private static readonly string[] SecondsText =
        Enumerable.Range(0, 3601).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public Task InvokeAsync(HttpContext context)
    {
        var breaker = registry.Get(context.GetReverseProxyFeature().Cluster.Config.ClusterId);
        if (breaker.TryRejectFast(out var body, out var retryAfter))
        {
            return RejectAsync(context, breaker, body, retryAfter);
        }

        return ForwardAsync(context, breaker);
    }

    private async Task ForwardAsync(HttpContext context, ClusterBreaker breaker)
    {
        // No cancellation token for Polly: YARP owns cancellation and reports it, and the breaker
        // must see how the forward ended rather than be cut short.
        var resilience = ResilienceContextPool.Shared.Get();
        Outcome<ForwardOutcome> outcome;
        try
        {
            outcome = await breaker.Pipeline.ExecuteOutcomeAsync(
                static async (_, state) =>
                {
                    await state.Next(state.Context);
                    return state.Breaker.Record(Classify(state.Context, state.Breaker.FailureCodes));
                },
                resilience,
                new ForwardState(next, context, breaker));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }

        switch (outcome.Exception)
        {
            case null:
                return;
            case BrokenCircuitException or IsolatedCircuitException:
                // Lost the race for the half-open probe (or the breaker opened meanwhile): nothing was sent.
                var state = breaker.State;
                await RejectAsync(context, breaker, state == CircuitState.Isolated ? breaker.IsolatedBody : breaker.OpenBody, breaker.RetryAfterSeconds(state));
                return;
            case var exception when ClusterBreaker.IsNotCounted(exception):
                return;
            case var exception:
                ExceptionDispatchInfo.Throw(exception);
                return;
        }
    }

    internal static ForwardOutcome Classify(HttpContext context, bool[] failureCodes)
    {
        var error = context.Features.Get<IForwarderErrorFeature>()?.Error ?? ForwarderError.None;
        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        if (timedOut && RequestBodyProgress.ClientIsSlow(context))
        {
            // The route's time ran out while the upload was still waiting on the client: the client
            // is the slow party, and the upstream was never given the chance to answer.
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status408RequestTimeout;
            }

            return ForwardOutcome.ClientAbort;
        }

        if (timedOut && !context.Response.HasStarted)
        {
            // YARP sees the route timeout as a cancelled request (400); to the caller it is the
            // upstream not answering in time. Once the response has started YARP aborts it instead.
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }

        return ForwardOutcomes.Classify(error, context.Response.StatusCode, timedOut, failureCodes);
    }

    private static Task RejectAsync(HttpContext context, ClusterBreaker breaker, byte[] body, long retryAfter)
    {
        breaker.CountRejection();

        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.ContentType = ProblemJson;
        response.ContentLength = body.Length;
        response.Headers.CacheControl = NoStore;
        response.Headers.RetryAfter = retryAfter < SecondsText.Length
            ? SecondsText[retryAfter]
            : retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        response.BodyWriter.Write(body);
        return FlushAsync(response);
    }

    private static async Task FlushAsync(HttpResponse response) => await response.BodyWriter.FlushAsync();

    private readonly record struct ForwardState(RequestDelegate Next, HttpContext Context, ClusterBreaker Breaker);
}
