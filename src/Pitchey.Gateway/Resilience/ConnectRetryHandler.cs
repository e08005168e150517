using Yarp.ReverseProxy.Forwarder;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// YARP's client factory with <see cref="ConnectRetryHandler"/> on top of each cluster's handler,
/// so retries happen below destination selection and inside the route's timeout.
/// </summary>
internal sealed class RetryingForwarderHttpClientFactory(BreakerRegistry registry, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new ConnectRetryHandler(context.ClusterId, registry) { InnerHandler = base.WrapHandler(context, handler) };
}

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

        return retry.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).AsTask();
    }

    internal static bool IsRetryableMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
