namespace Pitchey.Gateway.Errors;

/// <summary>The machine codes of the errors the gateway answers itself (the envelope's <c>error.code</c>).</summary>
internal static class ErrorCodes
{
    public const string BadRequest = "BAD_REQUEST";
    public const string InternalError = "INTERNAL_ERROR";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string RequestTimeout = "REQUEST_TIMEOUT";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotImplemented = "NOT_IMPLEMENTED";
    public const string RateLimited = "RATE_LIMITED";
    public const string DatabaseTimeout = "DATABASE_TIMEOUT";
}
