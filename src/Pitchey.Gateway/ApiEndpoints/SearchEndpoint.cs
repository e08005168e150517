using System.Globalization;
using Microsoft.Extensions.Options;
using Pitchey.Database.Queries;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// <c>GET /api/pitches/search</c> and its alias <c>/api/search</c>: matches as
/// <c>TunedQueries:Search:Mode</c> says (the API's substring match by default, or ranked full text)
/// in the existing paginated envelope, with the total in <c>X-Total-Count</c>. Blank text in
/// full-text mode matches nothing and costs no query.
/// </summary>
internal sealed class SearchEndpoint(SearchQuery search, RoutedReader reader, IOptions<TunedQueryOptions> options)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!SearchParameters.TryParse(context.Request.Query, options.Value.MaxOffset, out var parsed, out var error))
        {
            await ApiErrors.ValidationAsync(context, error!);
            return;
        }

        var request = parsed!;
        var page = !search.NeedsDatabase(request)
            ? new SearchPage([], 0, false, false)
            : await reader.ReadAsync(context, QueryNames.Search, (connection, ct) => search.RunAsync(connection, request, ct));
        context.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(
            new SearchResponse(true, page.Items, new SearchMeta(new SearchPagination(
                (request.Offset / request.Limit) + 1, request.Limit, page.Total, page.HasMore, page.TotalIsEstimate))),
            ApiJsonContext.Default.SearchResponse,
            cancellationToken: context.RequestAborted);
    }
}
