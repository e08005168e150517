using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;

namespace Pitchey.Database.Queries;

/// <summary>Wiring for the tuned queries (needs <see cref="DatabaseExtensions.AddPitcheyDatabase"/> for the router).</summary>
public static class QueryExtensions
{
    public static IHostApplicationBuilder AddTunedQueries(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<TunedQueryOptions, TunedQueryOptionsValidator>(TunedQueryOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BrowseQuery>();
        builder.Services.AddSingleton<SubstringSearchQuery>();
        builder.Services.AddSingleton<FullTextSearchQuery>();
        builder.Services.AddSingleton<SearchQuery>();
        builder.Services.AddSingleton<SessionQuery>();
        builder.Services.AddSingleton<CreatorDashboardQuery>();
        builder.Services.AddSingleton<PlatformStatsSnapshot>();
        builder.Services.AddSingleton(services =>
            new BrowseCursorCodec(services.GetRequiredService<IOptions<TunedQueryOptions>>().Value.CursorSecret));
        return builder;
    }
}
