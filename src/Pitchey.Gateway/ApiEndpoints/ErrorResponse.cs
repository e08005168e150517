namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>The existing API's error envelope (<see cref="ApiErrors"/>).</summary>
internal sealed record ErrorResponse(bool Success, ApiError Error);
