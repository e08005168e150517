using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// Wiring for the response cache (docs/caching.md). The policy names are registered with ASP.NET
/// Core's output caching as well: YARP checks a route's <c>OutputCachePolicy</c> against those, so
/// a route naming an unknown policy stops start-up (or is refused on reload). The names stand for
/// policies that turn the platform's own output caching off: the gateway's middleware serves them,
/// and if <c>UseOutputCache</c> were ever added nothing would be cached twice.
/// </summary>
internal static partial class CacheExtensions
{
    public static IHostApplicationBuilder AddResponseCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<CacheOptions, CacheOptionsValidator>(CacheOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CacheMetrics>();
        builder.Services.AddSingleton<CacheRoutes>();
        builder.Services.AddSingleton<CacheEvictions>();
        builder.Services.AddSingleton<CacheFills>();
        builder.Services.AddSingleton<CacheWriter>();
        builder.Services.AddSingleton<BackgroundRefresher>();
        builder.Services.TryAddSingleton<ICacheUser, NoCacheUser>();
        builder.Services.AddSingleton<RedisCacheConnection>();
        builder.Services.AddSingleton<MemoryResponseCacheStore>();
        builder.Services.AddSingleton<RedisResponseCacheStore>();
        builder.Services.AddSingleton<IResponseCacheStore>(services =>
            services.GetRequiredService<RedisCacheConnection>().Multiplexer is null
                ? services.GetRequiredService<MemoryResponseCacheStore>()
                : services.GetRequiredService<RedisResponseCacheStore>());

        var names = builder.Configuration.GetSection($"{CacheOptions.SectionName}:{nameof(CacheOptions.Policies)}").GetChildren()
            .Select(section => section.Key).ToArray();
        builder.Services.AddOutputCache(output =>
        {
            foreach (var name in names)
            {
                output.AddPolicy(name, policy => policy.NoCache());
            }
        });
        return builder;
    }

    /// <summary>After rate limits (a hit still counts against its client), before request timeouts and the endpoints.</summary>
    public static WebApplication UseResponseCache(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<CacheOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var redis = app.Services.GetRequiredService<RedisCacheConnection>();
        redis.EnsureUsable();
        if (redis.Multiplexer is not null)
        {
            LogShared(app.Logger);
        }

        app.UseMiddleware<ResponseCacheMiddleware>();
        return app;
    }

    /// <summary>Marks a tuned endpoint with its policy (the marker YARP puts on routes too).</summary>
    public static TBuilder WithCachePolicy<TBuilder>(this TBuilder endpoint, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new OutputCacheAttribute { PolicyName = policy });

    [LoggerMessage(EventId = EventIds.CacheSharedStore, EventName = nameof(EventIds.CacheSharedStore), Level = LogLevel.Information,
        Message = "Response cache entries and evictions are shared through Redis (Cache:Redis)")]
    private static partial void LogShared(ILogger logger);
}
