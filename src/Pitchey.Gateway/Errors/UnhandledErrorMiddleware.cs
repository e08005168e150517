using Microsoft.AspNetCore.Http.Features;

namespace Pitchey.Gateway.Errors;

/// <summary>
/// The outermost step of the gateway's pipeline, in every environment: an exception nothing else
/// handled becomes an error in <see cref="ErrorResponses"/>' shape with no exception text (the
/// Development exception page, which sits outside it, never sees one), and the exception with its
/// stack trace goes to the log only. Kestrel's own refusals of a request (body too large, body sent
/// too slowly) keep their 4xx status: they are the client's doing, not the gateway's.
/// </summary>
internal sealed partial class UnhandledErrorMiddleware(RequestDelegate next, ILogger<UnhandledErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            LogClientGone(logger, context.Request.Method);
        }
        catch (BadHttpRequestException refused)
        {
            LogRefused(logger, context.Request.Method, refused.StatusCode);
            if (Answerable(context))
            {
                await ClientRefusals.WriteAsync(context, refused.StatusCode);
            }
        }
        catch (Exception exception)
        {
            LogUnhandled(logger, context.Request.Method, context.Request.Path, exception);
            if (Answerable(context))
            {
                await ErrorResponses.WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                    "The gateway failed to answer this request; the error has been logged.");
            }
        }
    }

    /// <summary>Clears the response for an error, or — when it has started — aborts the connection and gives false.</summary>
    private static bool Answerable(HttpContext context)
    {
        if (context.Response.HasStarted)
        {
            // Half a response cannot be turned into an error: end the connection so the client
            // sees a broken response, never a truncated one that looks whole.
            context.Abort();
            return false;
        }

        context.Response.Clear();
        context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = null;
        return true;
    }
}
