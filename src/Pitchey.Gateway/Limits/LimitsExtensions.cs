using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using Pitchey.Gateway.Errors;

namespace Pitchey.Gateway.Limits;

/// <summary>Wiring for request limits: Kestrel's, the per-route body and method limits, the tuned endpoints' timeout and database turnstile.</summary>
internal static partial class LimitsExtensions
{
    /// <summary>The request-timeout policy of the tuned endpoints.</summary>
    public const string TunedTimeoutPolicy = "tuned-endpoints";

    public static IHostApplicationBuilder AddGatewayLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LimitsOptions, LimitsOptionsValidator>(LimitsOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RouteLimitsCache>();
        builder.Services.AddSingleton<DatabaseConcurrency>();

        // Limits:* wins over Kestrel:Limits:*: it is configured after Kestrel binds its own section.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, options) =>
        {
            var limits = options.Value;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodySize;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersTotalSize;
            kestrel.Limits.MaxRequestLineSize = limits.MaxRequestLineSize;
            kestrel.Limits.MinRequestBodyDataRate = limits.MinRequestBodyDataRate > 0
                ? new MinDataRate(limits.MinRequestBodyDataRate, limits.MinRequestBodyDataRateGracePeriod)
                : null;
        });

        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<LimitsOptions>, ILoggerFactory>((timeouts, options, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(LimitsExtensions).FullName!);
            timeouts.AddPolicy(TunedTimeoutPolicy, new RequestTimeoutPolicy
            {
                Timeout = options.Value.TunedEndpointTimeout,
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = context =>
                {
                    LogTunedTimeout(logger, context.Request.Path);
                    return ErrorResponses.WriteAsync(context, StatusCodes.Status504GatewayTimeout, ErrorCodes.DatabaseTimeout,
                        "The database did not answer in time; the query was cancelled.");
                },
            });
        });
        return builder;
    }

    /// <summary>After routing (it reads the route's limits), before any endpoint or the proxy runs.</summary>
    public static WebApplication UseGatewayLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestLimitsMiddleware>();
        return app;
    }
}
