using Pitchey.Database.Queries;
using Pitchey.Database.Routing;
using Pitchey.Gateway.Caching;
using Pitchey.Gateway.Limits;
using Pitchey.Gateway.RateLimiting;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// Wiring for the API endpoints the gateway answers itself: the existing API's contract for browse,
/// search, session and the two dashboards, answered by the embedded database module instead of the
/// upstream API. Literal routes outrank YARP's catch-all (Order 1000), so these paths never reach
/// the upstream; other methods on the same paths (POST, PUT, ...) still do.
/// </summary>
internal static class ApiEndpointsExtensions
{
    /// <summary>
    /// The HTTP routes behind each tuned query: a statement's <c>/* pitchey:route=... */</c> tag names the
    /// query, and the database insight shows these beside it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> RoutesByQuery = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [QueryNames.Browse] = ["GET /api/pitches/browse/enhanced"],
        [QueryNames.Search] = ["GET /api/pitches/search", "GET /api/search"],
        [QueryNames.Session] = ["GET /api/auth/session"],
        [QueryNames.CreatorDashboard] = ["GET /api/creator/dashboard"],
        [QueryNames.PlatformStats] = ["GET /api/dashboard/stats"],
    };

    public static IHostApplicationBuilder AddApiEndpoints(this IHostApplicationBuilder builder)
    {
        builder.AddTunedQueries();
        builder.Services.AddSingleton<RoutedReader>();
        builder.Services.AddSingleton<SessionResolver>();
        builder.Services.AddSingleton<ICacheUser, SessionCacheUser>();
        builder.Services.AddSingleton<DatabaseFailureGuard>();
        builder.Services.AddSingleton<BrowseEndpoint>();
        builder.Services.AddSingleton<SearchEndpoint>();
        builder.Services.AddSingleton<SessionEndpoint>();
        builder.Services.AddSingleton<CreatorDashboardEndpoint>();
        builder.Services.AddSingleton<PlatformStatsEndpoint>();
        return builder;
    }

    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var guard = services.GetRequiredService<DatabaseFailureGuard>();
        var search = guard.Wrap(services.GetRequiredService<SearchEndpoint>().HandleAsync);

        Tuned(endpoints.MapGet("/api/pitches/browse/enhanced", guard.Wrap(services.GetRequiredService<BrowseEndpoint>().HandleAsync)), services)
            .WithCachePolicy(CacheConstants.BrowsePolicy).WithDisplayName("tuned: browse");
        Tuned(endpoints.MapGet("/api/pitches/search", search), services)
            .WithCachePolicy(CacheConstants.SearchPolicy).WithDisplayName("tuned: search");
        Tuned(endpoints.MapGet("/api/search", search), services)
            .WithCachePolicy(CacheConstants.SearchPolicy).WithDisplayName("tuned: search (alias)");
        Tuned(endpoints.MapGet("/api/auth/session", guard.Wrap(services.GetRequiredService<SessionEndpoint>().HandleAsync)), services)
            .WithCachePolicy(CacheConstants.SessionPolicy).WithDisplayName("tuned: session");
        Tuned(endpoints.MapGet("/api/creator/dashboard", guard.Wrap(services.GetRequiredService<CreatorDashboardEndpoint>().HandleAsync)), services)
            .WithCachePolicy(CacheConstants.CreatorDashboardPolicy).WithDisplayName("tuned: creator dashboard");
        Tuned(endpoints.MapGet("/api/dashboard/stats", guard.Wrap(services.GetRequiredService<PlatformStatsEndpoint>().HandleAsync)), services)
            .WithCachePolicy(CacheConstants.StatsPolicy).WithDisplayName("tuned: platform stats");
        return endpoints;
    }

    /// <summary>What every tuned endpoint gets: the tuned-endpoint timeout (504, query cancelled) and its rate limit policy.</summary>
    private static IEndpointConventionBuilder Tuned(IEndpointConventionBuilder endpoint, IServiceProvider services) =>
        endpoint.WithRequestTimeout(LimitsExtensions.TunedTimeoutPolicy).WithTunedRateLimit(services);
}
