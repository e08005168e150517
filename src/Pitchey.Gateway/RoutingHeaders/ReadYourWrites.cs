using Microsoft.Extensions.Options;
using NpgsqlTypes;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.RoutingHeaders;

/// <summary>
/// Read-your-writes at the HTTP edge. The gateway cannot see the commit LSN of a write the
/// upstream API made, but once the API has answered 2xx the write has committed, so the
/// primary's <c>pg_current_wal_lsn()</c> read afterwards is at or past it. That LSN goes back to
/// the client (header and cookie); a later read carrying it may use a replica only if the
/// replica has replayed that far.
/// </summary>
internal sealed class ReadYourWrites(IOptions<DatabaseRoutingHttpOptions> options)
{
    public const string HeaderName = "X-Pitchey-Lsn";
    public const string CookieName = "pitchey-lsn";

    // "FFFFFFFF/FFFFFFFF" is the longest valid LSN text; anything longer is not worth parsing.
    private const int MaxLength = 17;

    /// <summary>
    /// The read options a request asks for: the highest valid LSN in its <c>X-Pitchey-Lsn</c>
    /// header or <c>pitchey-lsn</c> cookie, or null. Malformed values are ignored, never an error:
    /// the worst a client can do with a made-up LSN is send its own reads to the primary.
    /// </summary>
    public ReadOptions? ReadOptionsFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.ReadYourWrites)
        {
            return null;
        }

        var request = context.Request;
        NpgsqlLogSequenceNumber? best = null;
        foreach (var value in request.Headers[HeaderName])
        {
            best = Max(best, value);
        }

        if (request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            best = Max(best, cookie);
        }

        return best is { } lsn ? new ReadOptions(lsn) : null;
    }

    /// <summary>Parses an LSN as PostgreSQL prints it (<c>16/B374D848</c>); null when it is not one.</summary>
    public static NpgsqlLogSequenceNumber? Parse(string? value) =>
        value is { Length: > 0 and <= MaxLength } && NpgsqlLogSequenceNumber.TryParse(value.AsSpan().Trim(), out var lsn) ? lsn : null;

    private static NpgsqlLogSequenceNumber? Max(NpgsqlLogSequenceNumber? best, string? value) =>
        Parse(value) is { } lsn && (best is null || lsn > best.Value) ? lsn : best;
}
