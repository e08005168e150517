using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using StackExchange.Redis;

namespace Pitchey.Gateway.RateLimiting;

/// <summary>
/// Wiring for ASP.NET Core's rate limiter with the policies of <c>RateLimiting:Policies</c>: YARP
/// routes name them with <c>RateLimiterPolicy</c>, the tuned endpoints with
/// <c>RateLimiting:TunedEndpointsPolicy</c>; the probes are exempt.
/// </summary>
internal static partial class RateLimitingExtensions
{
    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RateLimitingOptions, RateLimitingOptionsValidator>(RateLimitingOptions.SectionName);
        builder.Services.AddSingleton<RedisRateLimitConnection>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitingOptions>, RedisRateLimitConnection, ILoggerFactory>((limiter, options, redis, loggers) =>
            {
                var logger = loggers.CreateLogger(typeof(RateLimitingExtensions).FullName!);
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                var windows = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);
                foreach (var (name, policy) in options.Value.Policies)
                {
                    if (policy is null)
                    {
                        continue;
                    }

                    windows[name] = policy.Window;
                    limiter.AddPolicy(name, RateLimitPartitions.Partitioner(name, policy, redis.Multiplexer));
                }

                limiter.OnRejected = (rejected, _) =>
                {
                    var policyName = rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                    var window = policyName is not null && windows.TryGetValue(policyName, out var w) ? w : TimeSpan.FromSeconds(1);
                    return RateLimitRejection.OnRejectedAsync(rejected, window, logger);
                };
            });
        return builder;
    }

    /// <summary>After routing: the limiter reads each endpoint's policy.</summary>
    public static WebApplication UseGatewayRateLimiting(this WebApplication app)
    {
        if (app.Services.GetRequiredService<RedisRateLimitConnection>().Multiplexer is not null)
        {
            LogShared(app.Logger);
        }

        app.UseRateLimiter();
        return app;
    }

    /// <summary>Puts a tuned endpoint under <c>RateLimiting:TunedEndpointsPolicy</c>, if one is set.</summary>
    public static TBuilder WithTunedRateLimit<TBuilder>(this TBuilder endpoint, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder
    {
        var policy = services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.TunedEndpointsPolicy;
        return string.IsNullOrEmpty(policy) ? endpoint : endpoint.RequireRateLimiting(policy);
    }
}
