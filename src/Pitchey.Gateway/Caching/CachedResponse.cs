using Microsoft.Extensions.Primitives;

namespace Pitchey.Gateway.Caching;

/// <summary>
/// One stored answer, immutable: status, the headers worth replaying, the body, and when it was
/// made and stops being fresh, revalidatable and usable on error. A <em>manifest</em> (the upstream
/// sent <c>Vary</c>) has no body: it names the request headers whose values key the real entry.
/// </summary>
internal sealed class CachedResponse
{
    public required int StatusCode { get; init; }

    public required KeyValuePair<string, StringValues>[] Headers { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>When the answer was made (the fill's clock, less the upstream's own <c>Age</c>).</summary>
    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset FreshUntil { get; init; }

    /// <summary>Until then a stale answer is served while one refresh runs (stale-while-revalidate).</summary>
    public required DateTimeOffset RevalidateUntil { get; init; }

    /// <summary>Until then a stale answer stands in for a failing backend (stale-if-error).</summary>
    public required DateTimeOffset ErrorUntil { get; init; }

    public required string[] Tags { get; init; }

    /// <summary>The lower-case names of the request headers in the upstream's <c>Vary</c>, or null: on a manifest and on the entries it points to.</summary>
    public string[]? VaryHeaders { get; init; }

    /// <summary>A manifest: no answer, only <see cref="VaryHeaders"/>, stored under the key without them.</summary>
    public bool IsManifest { get; init; }

    /// <summary>When nothing of it can be used any more: what the store keeps it for.</summary>
    public DateTimeOffset Horizon => Max(FreshUntil, Max(RevalidateUntil, ErrorUntil));

    /// <summary>Bytes it takes, near enough for a size limit: body, headers and a fixed overhead.</summary>
    public long Size
    {
        get
        {
            long size = Body.Length + 256;
            foreach (var (name, values) in Headers)
            {
                size += name.Length * 2 + 32;
                foreach (var value in values)
                {
                    size += (value?.Length ?? 0) * 2 + 24;
                }
            }

            return size;
        }
    }

    public CacheFreshness FreshnessAt(DateTimeOffset now) =>
        now < FreshUntil ? CacheFreshness.Fresh
        : now < RevalidateUntil ? CacheFreshness.Revalidate
        : now < ErrorUntil ? CacheFreshness.OnErrorOnly
        : CacheFreshness.Dead;

    /// <summary>Whole seconds since it was made, for the <c>Age</c> header.</summary>
    public long AgeSeconds(DateTimeOffset now) => Math.Max(0, (long)(now - Created).TotalSeconds);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
