using Pitchey.Database.Queries;

namespace Pitchey.Gateway.TunedEndpoints;

/// <summary>
/// <c>/api/dashboard/stats</c>: the platform stats snapshot, rendered to bytes once per snapshot,
/// so a request costs a reference comparison and a write.
/// </summary>
internal sealed class StatsBody(PlatformStatsSnapshot snapshot)
{
    private Rendered? _rendered;

    public async Task WriteAsync(HttpContext context)
    {
        var stats = await snapshot.GetAsync(context.RequestAborted);
        var rendered = Volatile.Read(ref _rendered);
        if (rendered is null || !ReferenceEquals(rendered.Stats, stats))
        {
            rendered = new Rendered(stats, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                new DataResponse<PlatformStats>(true, stats), TunedJson.Default.DataResponsePlatformStats));
            Volatile.Write(ref _rendered, rendered);
        }

        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = rendered.Body.Length;
        await response.Body.WriteAsync(rendered.Body, context.RequestAborted);
    }

    private sealed record Rendered(PlatformStats Stats, byte[] Body);
}
