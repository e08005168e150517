using System.Diagnostics.Metrics;
using Yarp.ReverseProxy.Forwarder;

namespace Pitchey.Gateway.Resilience;

/// <summary>
/// YARP's client factory with <see cref="ConnectRetryHandler"/> on top of each cluster's handler,
/// so retries happen below destination selection and inside the route's timeout. Its handlers
/// report <c>http.client.*</c> on this host's <see cref="IMeterFactory"/>, not the process-wide meter.
/// </summary>
internal sealed class RetryingForwarderHttpClientFactory(BreakerRegistry registry, IMeterFactory meterFactory, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.MeterFactory = meterFactory;
    }

    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new ConnectRetryHandler(context.ClusterId, registry) { InnerHandler = base.WrapHandler(context, handler) };
}
