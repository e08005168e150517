namespace Pitchey.Gateway.StatusPage;

/// <summary>
/// The page's HTML, script and style, embedded in the assembly (no build step, no CDN) and read
/// once. They hold no data, so they load without the key; the script asks for it and sends it on
/// its API calls. A strict Content-Security-Policy keeps the page to its own script and origin.
/// </summary>
internal sealed class StatusPageAssets
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private readonly byte[] _html = Read("index.html");
    private readonly byte[] _script = Read("status.js");
    private readonly byte[] _style = Read("status.css");

    public Task HtmlAsync(HttpContext context)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return WriteAsync(context, "text/html; charset=utf-8", _html);
    }

    public Task ScriptAsync(HttpContext context) => WriteAsync(context, "text/javascript; charset=utf-8", _script);

    public Task StyleAsync(HttpContext context) => WriteAsync(context, "text/css; charset=utf-8", _style);

    private static async Task WriteAsync(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(StatusPageAssets).Assembly.GetManifestResourceStream($"StatusPage/{name}")
            ?? throw new InvalidOperationException($"embedded resource StatusPage/{name} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
