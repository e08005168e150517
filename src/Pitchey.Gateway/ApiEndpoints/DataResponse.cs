namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>The existing API's <c>{"success":true,"data":...}</c> envelope.</summary>
internal sealed record DataResponse<T>(bool Success, T Data);
