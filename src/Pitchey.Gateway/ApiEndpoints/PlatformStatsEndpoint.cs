using System.Text.Json;
using Pitchey.Database.Queries;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// <c>GET /api/dashboard/stats</c>: the platform stats snapshot, rendered to bytes once per
/// snapshot, so a request costs a reference comparison and a write.
/// </summary>
internal sealed class PlatformStatsEndpoint(PlatformStatsSnapshot snapshot)
{
    private Rendered? _rendered;

    public async Task HandleAsync(HttpContext context)
    {
        var stats = await snapshot.GetAsync(context.RequestAborted);
        var rendered = Volatile.Read(ref _rendered);
        if (rendered is null || !ReferenceEquals(rendered.Stats, stats))
        {
            rendered = new Rendered(stats, JsonSerializer.SerializeToUtf8Bytes(
                new DataResponse<PlatformStats>(true, stats), ApiJsonContext.Default.DataResponsePlatformStats));
            Volatile.Write(ref _rendered, rendered);
        }

        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = rendered.Body.Length;
        await response.Body.WriteAsync(rendered.Body, context.RequestAborted);
    }

    private sealed record Rendered(PlatformStats Stats, byte[] Body);
}
