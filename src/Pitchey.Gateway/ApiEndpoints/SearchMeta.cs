namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>The <c>meta</c> block of a search body.</summary>
internal sealed record SearchMeta(SearchPagination Pagination);
