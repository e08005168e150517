using Pitchey.Database.Queries;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// <c>GET /api/creator/dashboard</c>: the signed-in creator's figures; 401 without a session,
/// 403 for any other kind of account.
/// </summary>
internal sealed class CreatorDashboardEndpoint(SessionResolver sessions, CreatorDashboardQuery dashboard, RoutedReader reader)
{
    private const string CreatorUserType = "creator";

    public async Task HandleAsync(HttpContext context)
    {
        var user = await sessions.ResolveAsync(context);
        if (user is null)
        {
            await ApiErrors.UnauthorizedAsync(context);
            return;
        }

        if (!string.Equals(user.UserType, CreatorUserType, StringComparison.Ordinal))
        {
            await ApiErrors.ForbiddenAsync(context);
            return;
        }

        var data = await reader.ReadAsync(context, QueryNames.CreatorDashboard, (connection, ct) => dashboard.RunAsync(connection, user.Id, ct));
        context.Response.Headers.CacheControl = "private, max-age=60";
        await context.Response.WriteAsJsonAsync(
            new DataResponse<CreatorDashboard>(true, data), ApiJsonContext.Default.DataResponseCreatorDashboard,
            cancellationToken: context.RequestAborted);
    }
}
