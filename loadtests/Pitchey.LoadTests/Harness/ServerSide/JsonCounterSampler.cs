using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.ServerSide;

/// <summary>
/// A count a server publishes as a number in a JSON document (the stand-in's <c>/_standin/stats</c>
/// <c>requests</c>, the gateway's <c>/api/health/detailed</c> <c>sequence</c>), read at both ends of
/// the window over a control connection that the load's figures never see.
/// </summary>
internal sealed class JsonCounterSampler(HttpClient control, string name, string title, Uri url, string property, string counter) : IServerSideSampler
{
    private long? _start;
    private string? _failure;

    public string Name => name;

    /// <summary>The stand-in's requests received (control calls excluded): requests per upstream request.</summary>
    public static JsonCounterSampler StandIn(HttpClient control, Uri standIn) =>
        new(control, "upstream", $"stand-in API at {standIn}", new Uri(standIn, "/_standin/stats"), "requests", "upstream requests");

    /// <summary>The gateway's health report sequence (one per run of the checks): probes per health-check run.</summary>
    public static JsonCounterSampler HealthChecks(HttpClient management, Uri managementAddress) =>
        new(management, "health-checks", $"health-check runs of the gateway managed at {managementAddress}", new Uri(managementAddress, "/api/health/detailed"), "sequence", "health-check runs");

    public async Task StartAsync(CancellationToken cancellationToken) => _start = await ReadAsync(cancellationToken);

    public async Task<ServerSideReport> StopAsync(CancellationToken cancellationToken)
    {
        var end = _start is null ? null : await ReadAsync(cancellationToken);
        if (_start is not { } start || end is not { } stop)
        {
            return ServerSideReport.Unavailable(name, title, _failure ?? "not read");
        }

        return new ServerSideReport(name, title, true, null, [new ServerCounter(counter, stop - start, PerRequest: true)], []);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<long?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The gateway answers /api/health/detailed with 503 while unhealthy; the sequence is there all the same.
            using var response = await control.GetAsync(url, cancellationToken);
            var document = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (document.ValueKind == JsonValueKind.Object && document.TryGetProperty(property, out var value) && value.TryGetInt64(out var number))
            {
                return number;
            }

            _failure = $"{url} answered {(int)response.StatusCode} without a number '{property}'";
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException)
        {
            _failure = $"{url} could not be read ({exception.GetType().Name})";
        }

        return null;
    }
}
