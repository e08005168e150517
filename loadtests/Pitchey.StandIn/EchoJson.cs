using System.Text.Json.Serialization;

namespace Pitchey.StandIn;

/// <summary>Source-generated JSON for <see cref="EchoBody"/>, camelCase like the existing API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EchoBody))]
internal sealed partial class EchoJson : JsonSerializerContext;
