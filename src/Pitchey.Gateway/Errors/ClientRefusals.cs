namespace Pitchey.Gateway.Errors;

/// <summary>
/// The answer to a request refused for the client's doing: its body larger than the route accepts
/// (413), sent too slowly (408: Kestrel's minimum rate, or the route's timeout while the upload
/// waited on the client), anything else Kestrel refuses (its own 4xx, "malformed"). One table for
/// every place such a refusal surfaces: the edge, the proxy's body copy, the outermost catch.
/// </summary>
internal static class ClientRefusals
{
    /// <summary>Answers <paramref name="status"/> in <see cref="ErrorResponses"/>' shape; the response must not have started.</summary>
    public static Task WriteAsync(HttpContext context, int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge =>
            ErrorResponses.WriteAsync(context, status, ErrorCodes.PayloadTooLarge, "The request body is larger than this route accepts."),
        StatusCodes.Status408RequestTimeout =>
            ErrorResponses.WriteAsync(context, status, ErrorCodes.RequestTimeout, "The request body arrived too slowly."),
        _ => ErrorResponses.WriteAsync(context, status, ErrorCodes.BadRequest, "The request is malformed."),
    };
}
