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
            await AnswerAsync(context, refused.StatusCode, CodeOf(refused.StatusCode), MessageOf(refused.StatusCode));
        }
        catch (Exception exception)
        {
            LogUnhandled(logger, context.Request.Method, context.Request.Path, exception);
            await AnswerAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                "The gateway failed to answer this request; the error has been logged.");
        }
    }

    private static Task AnswerAsync(HttpContext context, int status, string code, string message)
    {
        if (context.Response.HasStarted)
        {
            // Half a response cannot be turned into an error: end the connection so the client
            // sees a broken response, never a truncated one that looks whole.
            context.Abort();
            return Task.CompletedTask;
        }

        context.Response.Clear();
        context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = null;
        return ErrorResponses.WriteAsync(context, status, code, message);
    }

    private static string CodeOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
        StatusCodes.Status408RequestTimeout => ErrorCodes.RequestTimeout,
        _ => ErrorCodes.BadRequest,
    };

    private static string MessageOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this route accepts.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        _ => "The request is malformed.",
    };
}
