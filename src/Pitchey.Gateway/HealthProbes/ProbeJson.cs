using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>Renders reports into the JSON bodies the probe endpoints send.</summary>
internal static class ProbeJson
{
    public static string StatusWord(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    /// <summary>The old API's check vocabulary: pass, warn, fail.</summary>
    public static string CheckWord(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "pass",
        HealthStatus.Degraded => "warn",
        _ => "fail",
    };

    /// <summary><c>{"status":"degraded"}</c>: the readiness body.</summary>
    public static byte[] Ready(ProbeReport report) => Render(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("status", StatusWord(report.Status));
        writer.WriteEndObject();
    });

    /// <summary>The deploy pipeline's body: overall status and each check's status.</summary>
    public static byte[] Summary(ProbeReport report) => Render(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("status", StatusWord(report.Status));
        writer.WriteString("timestamp", report.CompletedAt);
        writer.WriteStartObject("checks");
        foreach (var entry in report.Entries)
        {
            writer.WriteString(entry.Name, StatusWord(entry.Status));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>
    /// The <c>/api/health</c> body without its closing brace, so the per-request
    /// <c>stale</c> and <c>age</c> fields can be appended without re-serialising.
    /// </summary>
    public static byte[] ApiHealthPrefix(ProbeReport report)
    {
        var whole = Render(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", StatusWord(report.Status));
            writer.WriteString("timestamp", report.CompletedAt);
            writer.WriteStartObject("checks");
            foreach (var entry in report.Entries)
            {
                writer.WriteStartObject(entry.Name);
                writer.WriteString("status", CheckWord(entry.Status));
                writer.WriteString("message", entry.Description);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("metrics");
            writer.WriteNumber("responseTime", report.Metrics.ResponseTimeMs);
            writer.WriteNumber("connectionCount", report.Metrics.ConnectionCount);
            writer.WriteNumber("avgQueryTime", report.Metrics.AvgQueryTimeMs);
            writer.WriteNumber("errorRate", report.Metrics.ErrorRate);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        return whole[..^1];
    }

    /// <summary>Every check with its duration, tags and data; served to operators only.</summary>
    public static byte[] Detailed(ProbeReport report, bool stale, long ageSeconds) => Render(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("status", StatusWord(report.Status));
        writer.WriteString("timestamp", report.CompletedAt);
        writer.WriteNumber("sequence", report.Sequence);
        writer.WriteNumber("durationMs", Math.Round(report.Duration.TotalMilliseconds, 2));
        writer.WriteNumber("age", ageSeconds);
        writer.WriteBoolean("stale", stale);
        writer.WriteStartObject("checks");
        foreach (var entry in report.Entries)
        {
            writer.WriteStartObject(entry.Name);
            writer.WriteString("status", StatusWord(entry.Status));
            writer.WriteString("description", entry.Description);
            writer.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 2));
            writer.WriteBoolean("timedOut", entry.TimedOut);
            writer.WriteStartArray("tags");
            foreach (var tag in entry.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, value, value.GetType());
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static byte[] Render(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
