using Microsoft.Extensions.Options;
using Pitchey.Database.Queries;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// <c>GET /api/pitches/browse/enhanced</c>: a page of published pitches, by offset/page or by
/// cursor, in the existing API's body plus <c>nextCursor</c> and <c>totalIsEstimate</c>.
/// </summary>
internal sealed class BrowseEndpoint(BrowseQuery browse, BrowseCursorCodec codec, RoutedReader reader, IOptions<TunedQueryOptions> options)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!BrowseParameters.TryParse(context.Request.Query, options.Value.MaxOffset, codec, out var request, out var error))
        {
            await ApiErrors.ValidationAsync(context, error!);
            return;
        }

        var page = await reader.ReadAsync(context, QueryNames.Browse, (connection, ct) => browse.RunAsync(connection, request!, ct));
        var limit = request!.Limit;
        await context.Response.WriteAsJsonAsync(
            new BrowseResponse(
                true, page.Items, page.Total, (page.Total + limit - 1) / limit, (page.RowsBefore / limit) + 1, limit, page.HasMore,
                page.Next is { } next ? codec.Encode(next, request.Filter) : null, page.TotalIsEstimate),
            ApiJsonContext.Default.BrowseResponse,
            cancellationToken: context.RequestAborted);
    }
}
