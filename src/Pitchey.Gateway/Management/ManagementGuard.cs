using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Pitchey.Gateway.Management;

/// <summary>
/// The first middleware. A request from the public listener passes untouched (one feature look-up).
/// A management request is checked, in this order: Host header in the allowed list (else 400: a
/// DNS-rebound page names a foreign host), an endpoint that exists (else 404: nothing on this
/// listener is ever forwarded), then the API key unless the endpoint is open (else 401).
/// </summary>
internal sealed partial class ManagementGuard
{
    private readonly RequestDelegate _next;
    private readonly FrozenSet<string> _allowedHosts;
    private readonly ApiKeyVerifier _verifier;
    private readonly bool _metricsAnonymous;
    private readonly ILogger<ManagementGuard> _logger;

    public ManagementGuard(RequestDelegate next, IOptions<ManagementOptions> options, ILogger<ManagementGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _next = next;
        _verifier = new ApiKeyVerifier(settings.ApiKeySha256!);
        _metricsAnonymous = settings.MetricsAnonymous;
        _allowedHosts = AllowedHosts(settings).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _logger = logger;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!ManagementConnection.Is(context))
        {
            return _next(context);
        }

        // The gateway's request metrics describe the API's traffic, not scrapes and status-page polls.
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
        {
            metrics.MetricsDisabled = true;
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";

        if (!_allowedHosts.Contains(NormalizeHost(context.Request.Host.Host)))
        {
            LogRefused(_logger, "foreign Host header", context.Request.Path.Value ?? "/");
            return Problem(context, StatusCodes.Status400BadRequest, "Bad Request", "The Host header is not one this management listener answers to (Management:AllowedHosts).");
        }

        var endpoint = context.GetEndpoint()?.Metadata.GetMetadata<ManagementEndpoint>();
        if (endpoint is null)
        {
            return Problem(context, StatusCodes.Status404NotFound, "Not Found", "No management endpoint has this path and method.");
        }

        var open = endpoint.Access == ManagementAccess.Anonymous || (endpoint.Access == ManagementAccess.Metrics && _metricsAnonymous);
        if (!open && !_verifier.IsValid(context.Request.Headers.Authorization))
        {
            LogRefused(_logger, "missing or wrong API key", context.Request.Path.Value ?? "/");
            headers.WWWAuthenticate = ManagementConstants.AuthorizationScheme;
            return Problem(context, StatusCodes.Status401Unauthorized, "Unauthorized", "Send the management API key: Authorization: ApiKey <key>.");
        }

        return _next(context);
    }

    /// <summary>The configured hosts (or the defaults), plus every listener's own host unless it binds all interfaces.</summary>
    internal static IEnumerable<string> AllowedHosts(ManagementOptions settings)
    {
        var hosts = settings.AllowedHosts.Count > 0 ? settings.AllowedHosts.Select(NormalizeHost) : ManagementConstants.DefaultAllowedHosts;
        ListenerAddress.TryParseList(settings.Urls, httpOnly: true, out var listeners, out _);
        return hosts.Concat(listeners.Where(l => l.Host is not ("*" or "+")).Select(l => NormalizeHost(l.Host))).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static string NormalizeHost(string host) => host.Trim().Trim('[', ']');

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
