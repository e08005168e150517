using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Pitchey.StandIn;

/// <summary>
/// Everything outside <c>/_standin</c>: counts the request, applies the fault switches, then
/// answers JSON describing what arrived (method, path, query, headers, body length). A request
/// header <c>X-StandIn-Respond-&lt;Name&gt;: value</c> makes the answer carry <c>&lt;Name&gt;: value</c>
/// (tests give an answer <c>Cache-Control</c>, <c>Vary</c> or <c>Set-Cookie</c> that way).
/// </summary>
internal static class EchoEndpoint
{
    private const string RespondPrefix = "X-StandIn-Respond-";

    public static IEndpointRouteBuilder MapEcho(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/{**path}", EchoAsync);
        return endpoints;
    }

    private static async Task EchoAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var counter = services.GetRequiredService<RequestCounter>();
        counter.Increment();
        var faults = services.GetRequiredService<FaultSwitch>().Current;
        var aborted = context.RequestAborted;

        var (bodyLength, bodySha256) = await DrainAsync(context.Request.Body, aborted);
        if (faults.LatencyMs > 0)
        {
            await Task.Delay(faults.LatencyMs, aborted);
        }

        if (faults.Hang)
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }

        if (faults.ErrorRate > 0 && Random.Shared.NextDouble() < faults.ErrorRate)
        {
            context.Response.StatusCode = faults.Status;
            await context.Response.WriteAsJsonAsync(
                new { success = false, error = new { code = "INJECTED_FAULT", message = "stand-in fault switch" } }, aborted);
            counter.Complete();
            return;
        }

        if (faults.Reset)
        {
            // Promise a body, send part of it, then reset the connection.
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 4096;
            await context.Response.Body.WriteAsync("{\"partial\":"u8.ToArray(), aborted);
            await context.Response.Body.FlushAsync(aborted);
            context.Abort();
            return;
        }

        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value.ToString();
        }

        foreach (var (name, value) in request.Headers)
        {
            if (name.Length > RespondPrefix.Length && name.StartsWith(RespondPrefix, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.Append(name[RespondPrefix.Length..], value);
            }
        }

        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new EchoBody(
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? "",
            headers,
            bodyLength,
            bodySha256,
            context.Connection.RemoteIpAddress?.ToString()), EchoJson.Default.EchoBody, aborted);
        counter.Complete();
    }

    private static async Task<(long Length, string Sha256)> DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                hash.AppendData(buffer, 0, read);
            }

            return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
