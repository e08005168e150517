using System.Buffers;
using System.Buffers.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pitchey.Gateway.Diagnostics;

namespace Pitchey.Gateway.HealthProbes;

/// <summary>
/// The probe endpoints (mapped by <see cref="HealthProbesExtensions.MapHealthProbes"/>; the detailed
/// one on the management plane). Every one answers from <see cref="ProbeCache"/> with pre-rendered
/// bytes; none of them ever waits on a health check or the database.
/// </summary>
internal sealed class HealthProbeEndpoints(ProbeCache cache, ProbeCacheMetrics metrics, TimeProvider time)
{
    private const string Json = "application/json";
    private const string NoStore = "no-store";
    private static readonly byte[] LiveBody = """{"status":"live"}"""u8.ToArray();
    private static readonly byte[] NoReportBody = """{"status":"unhealthy","reason":"no health report yet"}"""u8.ToArray();
    private static readonly string[] AgeStrings = Enumerable.Range(0, 600).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary><c>/health/live</c>: the process answers; nothing else is consulted.</summary>
    public Task LiveAsync(HttpContext context)
    {
        metrics.Served(ProbeCacheMetrics.Live);
        return WriteAsync(context, StatusCodes.Status200OK, LiveBody);
    }

    /// <summary><c>/health/ready</c>: 503 only when unhealthy (degraded still takes traffic).</summary>
    public Task ReadyAsync(HttpContext context) => Probe(ProbeCacheMetrics.Ready) is { } snapshot
        ? WriteAsync(context, snapshot.Report.Status == HealthStatus.Unhealthy ? 503 : 200, snapshot.ReadyBody)
        : WriteAsync(context, 503, NoReportBody);

    /// <summary><c>/health</c>: the deploy pipeline's check, 200 only when healthy.</summary>
    public Task SummaryAsync(HttpContext context) => Probe(ProbeCacheMetrics.Summary) is { } snapshot
        ? WriteAsync(context, snapshot.Report.Status == HealthStatus.Healthy ? 200 : 503, snapshot.SummaryBody)
        : WriteAsync(context, 503, NoReportBody);

    /// <summary><c>/api/health</c>: the existing API's body, with <c>stale</c> and <c>age</c>.</summary>
    public Task ApiHealthAsync(HttpContext context) => Probe(ProbeCacheMetrics.ApiHealth) is { } snapshot
        ? WriteApiHealthAsync(context, snapshot)
        : WriteAsync(context, 503, NoReportBody);

    /// <summary><c>/api/health/detailed</c>, on the management plane (its guard has checked the key): every check's data.</summary>
    public Task DetailedAsync(HttpContext context)
    {
        var snapshot = cache.GetForProbe();
        if (snapshot is null)
        {
            return WriteAsync(context, 503, NoReportBody);
        }

        var now = time.GetUtcNow();
        var age = AgeSeconds(snapshot, now);
        context.Response.Headers.Age = AgeString(age);
        var body = ProbeJson.Detailed(snapshot.Report, cache.IsStale(snapshot, now), age);
        return WriteAsync(context, snapshot.Report.Status == HealthStatus.Unhealthy ? 503 : 200, body);
    }

    /// <summary>The report for a probe, counted as served from the cache (or not, before the first report).</summary>
    private ProbeSnapshot? Probe(string probe)
    {
        var snapshot = cache.GetForProbe();
        if (snapshot is not null)
        {
            metrics.Served(probe);
        }

        return snapshot;
    }

    private Task WriteApiHealthAsync(HttpContext context, ProbeSnapshot snapshot)
    {
        var now = time.GetUtcNow();
        var age = AgeSeconds(snapshot, now);
        Span<byte> suffix = stackalloc byte[48];
        var stale = cache.IsStale(snapshot, now);
        var head = stale ? ""","stale":true,"age":"""u8 : ""","stale":false,"age":"""u8;
        head.CopyTo(suffix);
        Utf8Formatter.TryFormat(age, suffix[head.Length..], out var digits);
        var length = head.Length + digits;
        suffix[length++] = (byte)'}';

        var response = context.Response;
        response.StatusCode = snapshot.Report.Status == HealthStatus.Unhealthy ? 503 : 200;
        SetHeaders(response, Json, snapshot.ApiHealthPrefix.Length + length);
        response.Headers.Age = AgeString(age);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        response.BodyWriter.Write(snapshot.ApiHealthPrefix);
        response.BodyWriter.Write(suffix[..length]);
        return FlushAsync(response);
    }

    private static Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        SetHeaders(response, Json, body.Length);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        response.BodyWriter.Write(body);
        return FlushAsync(response);
    }

    private static void SetHeaders(HttpResponse response, string contentType, long length)
    {
        response.ContentType = contentType;
        response.ContentLength = length;
        response.Headers.CacheControl = NoStore;
    }

    private static async Task FlushAsync(HttpResponse response) => await response.BodyWriter.FlushAsync();

    private static long AgeSeconds(ProbeSnapshot snapshot, DateTimeOffset now) =>
        Math.Max(0, (long)(now - snapshot.Report.CompletedAt).TotalSeconds);

    private static string AgeString(long age) =>
        age < AgeStrings.Length ? AgeStrings[age] : age.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
