using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Pitchey.Database.Queries;

/// <summary>Wiring for the tuned queries (needs <see cref="DatabaseModule.AddPitcheyDatabase"/> for the router).</summary>
public static class TunedQueriesModule
{
    public static IHostApplicationBuilder AddTunedQueries(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TunedQueryOptions>()
            .BindConfiguration(TunedQueryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BrowseQuery>();
        builder.Services.AddSingleton<SearchQuery>();
        builder.Services.AddSingleton<SessionQuery>();
        builder.Services.AddSingleton<CreatorDashboardQuery>();
        builder.Services.AddSingleton<PlatformStatsSnapshot>();
        builder.Services.AddSingleton(services =>
            new BrowseCursorCodec(services.GetRequiredService<IOptions<TunedQueryOptions>>().Value.CursorSecret));
        return builder;
    }
}
