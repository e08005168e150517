namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>A request as a scenario describes it, relative to the target (the engine adds <c>Host</c> and encodes it once per target).</summary>
/// <param name="Method">GET, HEAD, POST, ...</param>
/// <param name="Path">Path and query, starting with '/', appended to the target's own path.</param>
/// <param name="Headers">Extra headers (cookies, authorization); none by default.</param>
/// <param name="Body">A body, sent with its Content-Length; none by default.</param>
internal sealed record HttpRequestTemplate(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>>? Headers = null, byte[]? Body = null)
{
    public static HttpRequestTemplate Get(string path) => new("GET", path);
}
