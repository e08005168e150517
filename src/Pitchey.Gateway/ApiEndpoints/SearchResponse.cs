using Pitchey.Database.Queries;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>Search body: the existing paginated envelope.</summary>
internal sealed record SearchResponse(bool Success, IReadOnlyList<PitchCard> Data, SearchMeta Meta);
