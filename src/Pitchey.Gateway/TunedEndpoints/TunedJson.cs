using System.Text.Json;
using System.Text.Json.Serialization;
using Pitchey.Database.Queries;

namespace Pitchey.Gateway.TunedEndpoints;

/// <summary>Browse body: the existing API's fields, plus <c>nextCursor</c> and <c>totalIsEstimate</c>.</summary>
internal sealed record BrowseResponse(
    bool Success, IReadOnlyList<PitchCard> Items, long Total, long TotalPages, long Page, int Limit, bool HasMore,
    string? NextCursor, bool TotalIsEstimate);

/// <summary>Search body: the existing paginated envelope.</summary>
internal sealed record SearchResponse(bool Success, IReadOnlyList<PitchCard> Data, SearchMeta Meta);

internal sealed record SearchMeta(SearchPagination Pagination);

internal sealed record SearchPagination(int Page, int Limit, long Total, bool HasMore, bool TotalIsEstimate);

internal sealed record SessionResponse(bool Success, SessionUser User);

internal sealed record DataResponse<T>(bool Success, T Data);

internal sealed record ErrorResponse(bool Success, ApiError Error);

internal sealed record ApiError(string Code, string Message);

/// <summary>Source-generated serialisation of every tuned-endpoint body (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BrowseResponse))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(DataResponse<CreatorDashboard>))]
[JsonSerializable(typeof(DataResponse<PlatformStats>))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class TunedJson : JsonSerializerContext;
