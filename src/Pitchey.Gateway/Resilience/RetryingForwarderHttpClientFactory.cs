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
