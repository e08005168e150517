using System.Text.Json.Serialization;

namespace Pitchey.StandIn;

/// <summary>The fault switches, as <c>PUT /_standin/faults</c> takes them. All off by default.</summary>
internal sealed record FaultSettings
{
    /// <summary>Share of requests answered with <see cref="Status"/>, 0..1.</summary>
    [JsonPropertyName("errorRate")]
    public double ErrorRate { get; init; }

    /// <summary>Status code for injected errors. Default 500.</summary>
    [JsonPropertyName("status")]
    public int Status { get; init; } = 500;

    /// <summary>Delay before every answer, in milliseconds.</summary>
    [JsonPropertyName("latencyMs")]
    public int LatencyMs { get; init; }

    /// <summary>Never answer: hold the request until the caller gives up.</summary>
    [JsonPropertyName("hang")]
    public bool Hang { get; init; }

    /// <summary>Send headers and part of the body, then reset the connection.</summary>
    [JsonPropertyName("reset")]
    public bool Reset { get; init; }

    public string? Validate() =>
        ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate) ? "errorRate must be between 0 and 1"
        : Status is < 100 or > 599 ? "status must be an HTTP status code (100..599)"
        : LatencyMs is < 0 or > 600_000 ? "latencyMs must be between 0 and 600000"
        : null;
}
