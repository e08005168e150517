using System.Text.Json;
using System.Text.Json.Serialization;
using Pitchey.Database.Queries;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>Source-generated serialisation of every API endpoint body (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BrowseResponse))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(DataResponse<CreatorDashboard>))]
[JsonSerializable(typeof(DataResponse<PlatformStats>))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
