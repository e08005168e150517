using System.Text;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>
/// Encodes a scenario's requests for one target, once, before the run: request line (the target's
/// path + the request's), <c>Host</c>, the scenario's headers, Content-Length and body. Nothing else
/// (no User-Agent, no Accept): what wrk sends, so both put the same work on the server.
/// </summary>
internal static class RequestEncoder
{
    public static EncodedRequest Encode(HttpRequestTemplate request, Uri target, int series)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        var text = new StringBuilder();
        text.Append(request.Method).Append(' ').Append(target.AbsolutePath.TrimEnd('/')).Append(request.Path).Append(" HTTP/1.1\r\n");
        text.Append("Host: ").Append(target.Authority).Append("\r\n");
        foreach (var (name, value) in request.Headers ?? [])
        {
            if (name.AsSpan().ContainsAny("\r\n:") || value.AsSpan().ContainsAny("\r\n"))
            {
                throw new ArgumentException($"header '{name}' of {request.Method} {request.Path} contains a line break or a colon in its name", nameof(request));
            }

            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var body = request.Body ?? [];
        if (body.Length > 0 || request.Method is "POST" or "PUT" or "PATCH")
        {
            text.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        text.Append("\r\n");
        var head = Encoding.ASCII.GetBytes(text.ToString());
        return new EncodedRequest([.. head, .. body], series, request.Method == "HEAD");
    }
}
