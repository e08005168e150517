using Microsoft.Extensions.Options;
using Pitchey.Database.Routing;
using Pitchey.Gateway.Diagnostics;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Pitchey.Gateway.RoutingHeaders;

/// <summary>
/// On every proxied route: after the upstream answered a write (unsafe method) with 2xx, stamp
/// the response with the primary's WAL position (header and cookie) for read-your-writes. The
/// position is read once per burst of writes (<see cref="PrimaryWalPosition"/>) and skipped,
/// never failing the response, when the primary cannot answer.
/// </summary>
internal sealed partial class LsnResponseTransform(
    PrimaryWalPosition walPosition,
    LsnTokens tokens,
    IOptions<DatabaseRoutingHttpOptions> options,
    TimeProvider time,
    ILogger<LsnResponseTransform> logger) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    // Added unconditionally: YARP applies transforms while it loads its configuration, before
    // start-up validation of these options has had its say, so the setting is read per response.
    public void Apply(TransformBuilderContext context) => context.AddResponseTransform(StampAsync);

    private async ValueTask StampAsync(ResponseTransformContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.ProxyResponse is not { IsSuccessStatusCode: true }
            || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return;
        }

        var settings = options.Value;
        if (!settings.ReadYourWrites)
        {
            return;
        }

        // The upstream has answered, so its write committed before this instant.
        var completedAt = time.GetTimestamp();
        var lsn = await walPosition.AfterAsync(completedAt, context.HttpContext.RequestAborted);
        if (lsn is not { } position)
        {
            LogSkipped(logger);
            return;
        }

        var response = context.HttpContext.Response;
        var text = tokens.Issue(position);
        response.Headers[ReadYourWrites.HeaderName] = text;
        response.Cookies.Append(ReadYourWrites.CookieName, text, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.HttpContext.Request.IsHttps,
            Path = "/",
            MaxAge = settings.LsnCookieMaxAge,
        });
    }

    [LoggerMessage(EventId = EventIds.LsnStampSkipped, EventName = nameof(EventIds.LsnStampSkipped), Level = LogLevel.Debug,
        Message = "Primary WAL position unavailable; write response sent without the read-your-writes LSN")]
    private static partial void LogSkipped(ILogger logger);
}
