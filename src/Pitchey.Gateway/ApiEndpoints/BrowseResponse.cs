using Pitchey.Database.Queries;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>Browse body: the existing API's fields, plus <c>nextCursor</c> and <c>totalIsEstimate</c>.</summary>
internal sealed record BrowseResponse(
    bool Success, IReadOnlyList<PitchCard> Items, long Total, long TotalPages, long Page, int Limit, bool HasMore,
    string? NextCursor, bool TotalIsEstimate);
