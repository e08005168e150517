using Pitchey.Database.Queries;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>Session body: the signed-in user.</summary>
internal sealed record SessionResponse(bool Success, SessionUser User);
