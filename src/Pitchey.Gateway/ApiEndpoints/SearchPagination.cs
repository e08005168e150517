namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>The <c>meta.pagination</c> block of a search body.</summary>
internal sealed record SearchPagination(int Page, int Limit, long Total, bool HasMore, bool TotalIsEstimate);
