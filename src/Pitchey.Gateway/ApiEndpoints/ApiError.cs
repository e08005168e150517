namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>The <c>error</c> block of <see cref="ErrorResponse"/>: a machine code and a message for people.</summary>
internal sealed record ApiError(string Code, string Message);
