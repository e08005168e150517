using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// What a background refresh asks: a copy, taken while the request that found the entry stale is
/// still alive, of its GET without credentials or conditions (no cookies, no <c>Authorization</c>,
/// no <c>If-*</c>, no read-your-writes token), and the endpoint it matched. <see cref="CreateContext"/>
/// makes an <see cref="HttpContext"/> of it that the rest of the pipeline runs like a request: once
/// per refresh, so the context takes the copies made here (headers, route values) as they are.
/// </summary>
internal sealed class RefreshRequest
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Cookie, HeaderNames.Authorization, HeaderNames.IfMatch, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince,
        HeaderNames.IfUnmodifiedSince, HeaderNames.IfRange, HeaderNames.ContentLength, HeaderNames.TransferEncoding,
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.Upgrade, HeaderNames.Expect, "X-Pitchey-Lsn",
    };

    private readonly string _scheme;
    private readonly PathString _pathBase;
    private readonly PathString _path;
    private readonly string _query;
    private readonly string _protocol;
    private readonly HeaderDictionary _headers = [];
    private readonly IPAddress? _remoteAddress;
    private readonly int _remotePort;
    private readonly IPAddress? _localAddress;
    private readonly int _localPort;
    private readonly Endpoint _endpoint;
    private readonly RouteValueDictionary _routeValues;

    public RefreshRequest(HttpContext context)
    {
        var request = context.Request;
        _scheme = request.Scheme;
        _pathBase = request.PathBase;
        _path = request.Path;
        _query = request.QueryString.Value ?? "";
        _protocol = request.Protocol;
        foreach (var (name, values) in request.Headers)
        {
            if (!Dropped.Contains(name))
            {
                _headers[name] = values;
            }
        }

        _remoteAddress = context.Connection.RemoteIpAddress;
        _remotePort = context.Connection.RemotePort;
        _localAddress = context.Connection.LocalIpAddress;
        _localPort = context.Connection.LocalPort;
        _endpoint = context.GetEndpoint() ?? throw new InvalidOperationException("a cached request has an endpoint");
        _routeValues = new RouteValueDictionary(request.RouteValues);
    }

    /// <summary>The request's context (once: it owns this copy's headers and route values); its body goes to <paramref name="body"/>, it is aborted with <paramref name="aborted"/>.</summary>
    public HttpContext CreateContext(Stream body, IServiceProvider services, CancellationToken aborted)
    {
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = HttpMethods.Get, Scheme = _scheme, PathBase = _pathBase.Value ?? "", Path = _path.Value ?? "/", QueryString = _query,
            Protocol = _protocol, Headers = _headers,
        });
        features.Set<IHttpRequestBodyDetectionFeature>(NoBody.Instance);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = aborted });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            RemoteIpAddress = _remoteAddress, RemotePort = _remotePort, LocalIpAddress = _localAddress, LocalPort = _localPort,
            ConnectionId = "cache-refresh",
        });
        features.Set<IServiceProvidersFeature>(new RequestServicesFeature(services));
        var context = new DefaultHttpContext(features);
        context.SetEndpoint(_endpoint);
        context.Request.RouteValues = _routeValues;
        return context;
    }

    private sealed class NoBody : IHttpRequestBodyDetectionFeature
    {
        public static readonly NoBody Instance = new();

        public bool CanHaveBody => false;
    }

    private sealed class RequestServicesFeature(IServiceProvider services) : IServiceProvidersFeature
    {
        public IServiceProvider RequestServices { get; set; } = services;
    }
}
