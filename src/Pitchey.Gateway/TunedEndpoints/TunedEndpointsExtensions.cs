using Microsoft.Extensions.Options;
using Pitchey.Database.DataSources;
using Pitchey.Database.Queries;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.TunedEndpoints;

/// <summary>
/// The tuned read endpoints: the existing API's contract for browse, search, session and the two
/// dashboards, answered by the embedded database module instead of the upstream API. Literal routes
/// outrank YARP's catch-all (Order 1000), so these paths never reach the upstream; other methods on
/// the same paths (POST, PUT, ...) still do.
/// </summary>
internal static partial class TunedEndpointsExtensions
{
    private const string CreatorUserType = "creator";

    public static IHostApplicationBuilder AddTunedEndpoints(this IHostApplicationBuilder builder)
    {
        builder.AddTunedQueries();
        builder.Services.AddSingleton<TunedQueryExecutor>();
        builder.Services.AddSingleton<SessionResolver>();
        builder.Services.AddSingleton<StatsBody>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTunedEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var executor = services.GetRequiredService<TunedQueryExecutor>();
        var sessions = services.GetRequiredService<SessionResolver>();
        var browse = services.GetRequiredService<BrowseQuery>();
        var search = services.GetRequiredService<SearchQuery>();
        var dashboard = services.GetRequiredService<CreatorDashboardQuery>();
        var stats = services.GetRequiredService<StatsBody>();
        var codec = services.GetRequiredService<BrowseCursorCodec>();
        var options = services.GetRequiredService<IOptions<TunedQueryOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TunedEndpointsExtensions).FullName!);

        endpoints.MapGet("/api/pitches/browse/enhanced", Guard(logger, BrowseAsync))
            .WithDisplayName("tuned: browse");
        endpoints.MapGet("/api/pitches/search", Guard(logger, SearchAsync))
            .WithDisplayName("tuned: search");
        endpoints.MapGet("/api/search", Guard(logger, SearchAsync))
            .WithDisplayName("tuned: search (alias)");
        endpoints.MapGet("/api/auth/session", Guard(logger, SessionAsync))
            .WithDisplayName("tuned: session");
        endpoints.MapGet("/api/creator/dashboard", Guard(logger, CreatorDashboardAsync))
            .WithDisplayName("tuned: creator dashboard");
        endpoints.MapGet("/api/dashboard/stats", Guard(logger, stats.WriteAsync))
            .WithDisplayName("tuned: platform stats");
        return endpoints;

        async Task BrowseAsync(HttpContext context)
        {
            if (!TunedParameters.TryParseBrowse(context.Request.Query, options.MaxOffset, codec, out var request, out var error))
            {
                await ApiErrors.ValidationAsync(context, error!);
                return;
            }

            var page = await executor.ReadAsync(context, QueryNames.Browse, (connection, ct) => browse.RunAsync(connection, request!, ct));
            var limit = request!.Limit;
            await context.Response.WriteAsJsonAsync(
                new BrowseResponse(
                    true, page.Items, page.Total, (page.Total + limit - 1) / limit, (page.RowsBefore / limit) + 1, limit, page.HasMore,
                    page.Next is { } next ? codec.Encode(next, request.Filter) : null, page.TotalIsEstimate),
                TunedJson.Default.BrowseResponse,
                cancellationToken: context.RequestAborted);
        }

        async Task SearchAsync(HttpContext context)
        {
            if (!TunedParameters.TryParseSearch(context.Request.Query, options.MaxOffset, out var request, out var error))
            {
                await ApiErrors.ValidationAsync(context, error!);
                return;
            }

            var page = request!.Text.Length == 0
                ? new SearchPage([], 0, false, false)
                : await executor.ReadAsync(context, QueryNames.Search, (connection, ct) => search.RunAsync(connection, request, ct));
            context.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(
                new SearchResponse(true, page.Items, new SearchMeta(new SearchPagination(
                    (request.Offset / request.Limit) + 1, request.Limit, page.Total, page.HasMore, page.TotalIsEstimate))),
                TunedJson.Default.SearchResponse,
                cancellationToken: context.RequestAborted);
        }

        async Task SessionAsync(HttpContext context)
        {
            var user = await sessions.ResolveAsync(context);
            if (user is null)
            {
                await ApiErrors.UnauthorizedAsync(context);
                return;
            }

            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(
                new SessionResponse(true, user), TunedJson.Default.SessionResponse, cancellationToken: context.RequestAborted);
        }

        async Task CreatorDashboardAsync(HttpContext context)
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

            var data = await executor.ReadAsync(context, QueryNames.CreatorDashboard, (connection, ct) => dashboard.RunAsync(connection, user.Id, ct));
            context.Response.Headers.CacheControl = "private, max-age=60";
            await context.Response.WriteAsJsonAsync(
                new DataResponse<CreatorDashboard>(true, data), TunedJson.Default.DataResponseCreatorDashboard,
                cancellationToken: context.RequestAborted);
        }
    }

    /// <summary>
    /// Wraps a handler once, at mapping time, so a request allocates no delegate for the guard.
    /// Database trouble becomes a 503 in the API's envelope (with Retry-After when the router knows
    /// when to retry); a client that went away is left alone; anything else is a bug and stays a 500.
    /// </summary>
    private static RequestDelegate Guard(ILogger logger, Func<HttpContext, Task> handle) =>
        context => Guarded(context, logger, handle);

    private static async Task Guarded(HttpContext context, ILogger logger, Func<HttpContext, Task> handle)
    {
        try
        {
            await handle(context);
        }
        catch (DatabaseUnavailableException exception) when (!context.Response.HasStarted)
        {
            LogUnavailable(logger, context.Request.Path, exception.Message);
            await ApiErrors.UnavailableAsync(context, exception.Message, exception.RetryAfter);
        }
        catch (Exception exception) when (IsDatabaseTrouble(exception) && !context.Response.HasStarted
                                          && !context.RequestAborted.IsCancellationRequested)
        {
            var reason = DatabaseErrors.Describe(exception);
            LogUnavailable(logger, context.Request.Path, reason);
            await ApiErrors.UnavailableAsync(context, reason, retryAfter: null);
        }
    }

    private static bool IsDatabaseTrouble(Exception exception) =>
        DatabaseErrors.Classify(exception) is DatabaseErrorKind.Connection or DatabaseErrorKind.Transient or DatabaseErrorKind.Timeout;

    [LoggerMessage(EventId = Diagnostics.EventIds.TunedQueryUnavailable, Level = LogLevel.Warning,
        Message = "Tuned endpoint {Path} answered 503: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, PathString path, string reason);
}
