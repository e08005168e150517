using Microsoft.AspNetCore.Http.Features;
using Pitchey.Gateway.Errors;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Pitchey.Gateway.Limits;

/// <summary>
/// At the edge, before anything is forwarded: an unknown method is answered 501 and a method the
/// route does not allow 405 (TRACE and CONNECT by default); a declared Content-Length above the
/// route's limit is answered 413 and the upstream gets nothing. A body that turns out too large or
/// too slow while YARP streams it (chunked, or a client that stalls) makes Kestrel refuse it; YARP
/// then aborts the upstream request and this step answers 413 or 408 instead of YARP's bare 400, as
/// it answers a route timeout that fired while the upload waited on the client (the breaker's bare 408).
/// </summary>
internal sealed partial class RequestLimitsMiddleware(RequestDelegate next, RouteLimitsCache limits, ILogger<RequestLimitsMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var method = request.Method;
        if (!HttpMethodNames.IsKnown(method))
        {
            LogMethodRefused(logger, StatusCodes.Status501NotImplemented);
            return ErrorResponses.WriteAsync(context, StatusCodes.Status501NotImplemented, ErrorCodes.NotImplemented,
                "The gateway does not implement this request method.");
        }

        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
        var routeLimits = route is null ? limits.Defaults : limits.For(route.Config);
        if (route is null ? HttpMethods.IsTrace(method) || HttpMethods.IsConnect(method) : !routeLimits.Methods.Contains(method))
        {
            LogMethodRefused(logger, StatusCodes.Status405MethodNotAllowed);
            context.Response.Headers.Allow = routeLimits.AllowHeader;
            return ErrorResponses.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                "This request method is not allowed here.");
        }

        if (request.ContentLength > routeLimits.MaxRequestBodySize)
        {
            LogTooLarge(logger, route?.Config.RouteId ?? "(gateway)", routeLimits.MaxRequestBodySize);
            return TooLargeAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = routeLimits.MaxRequestBodySize;
        }

        return route is not null && request.ContentLength != 0 && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
            ? ForwardWithBodyAsync(context, route.Config.RouteId)
            : next(context);
    }

    private async Task ForwardWithBodyAsync(HttpContext context, string routeId)
    {
        var progress = new RequestBodyProgress(context.Request.Body);
        context.Features.Set(progress);
        context.Request.Body = progress;
        await next(context);

        if (context.Response.HasStarted)
        {
            return;
        }

        // Kestrel's refusal reaches YARP as the body copy's exception (sometimes wrapped).
        var failure = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        var refused = failure as BadHttpRequestException ?? failure?.InnerException as BadHttpRequestException;
        if (refused?.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            LogTooLarge(logger, routeId, context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0);
            context.Response.Clear();
            await TooLargeAsync(context);
        }
        else if (refused?.StatusCode == StatusCodes.Status408RequestTimeout
                 || (context.Response.StatusCode == StatusCodes.Status408RequestTimeout && RequestBodyProgress.ClientIsSlow(context)))
        {
            // Kestrel's minimum rate, or the route's timeout while the upload waited on the client
            // (the breaker set the bare status; nothing of the upstream's answer was sent).
            context.Response.Clear();
            await ClientRefusals.WriteAsync(context, StatusCodes.Status408RequestTimeout);
        }
    }

    private static Task TooLargeAsync(HttpContext context)
    {
        // The rest of the body is not worth reading: close the connection after answering.
        context.Response.Headers.Connection = "close";
        return ClientRefusals.WriteAsync(context, StatusCodes.Status413PayloadTooLarge);
    }
}
