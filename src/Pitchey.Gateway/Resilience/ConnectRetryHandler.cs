using System.Runtime.ExceptionServices;
using Polly;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// Sends a request again only when that cannot make the upstream act twice: an idempotent method
/// (GET, HEAD, OPTIONS), no body, and a connection that failed before any byte was written.
/// Anything else, a POST above all, is sent exactly once.
/// </summary>
internal sealed class ConnectRetryHandler(string clusterId, BreakerRegistry registry) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null || !IsRetryableMethod(request.Method) || registry.Get(clusterId).Retry is not { } retry)
        {
            return base.SendAsync(request, cancellationToken);
        }

        return SendWithRetriesAsync(request, retry, cancellationToken);
    }

    /// <summary>
    /// The first attempt runs outside Polly: nearly every request succeeds on it, and entering a retry
    /// pipeline for each one would tax the hot path. Only a connect failure enters the pipeline, which
    /// is handed that failure as its first outcome, so backoff, jitter and the attempt count are
    /// exactly the pipeline's.
    /// </summary>
    private async Task<HttpResponseMessage> SendWithRetriesAsync(
        HttpRequestMessage request, ResiliencePipeline<HttpResponseMessage> retry, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo firstFailure;
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (ClusterBreaker.IsConnectFailure(exception))
        {
            firstFailure = ExceptionDispatchInfo.Capture(exception);
        }

        var attempts = 0;
        return await retry.ExecuteAsync(
            async token =>
            {
                if (attempts++ == 0)
                {
                    firstFailure.Throw();
                }

                return await base.SendAsync(request, token);
            },
            cancellationToken);
    }

    internal static bool IsRetryableMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;
}
