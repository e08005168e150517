namespace Pitchey.Gateway.ApiEndpoints;

/// <summary><c>GET /api/auth/session</c>: the caller's user, or 401 in the existing API's envelope.</summary>
internal sealed class SessionEndpoint(SessionResolver sessions)
{
    public async Task HandleAsync(HttpContext context)
    {
        var user = await sessions.ResolveAsync(context);
        if (user is null)
        {
            await ApiErrors.UnauthorizedAsync(context);
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(
            new SessionResponse(true, user), ApiJsonContext.Default.SessionResponse, cancellationToken: context.RequestAborted);
    }
}
