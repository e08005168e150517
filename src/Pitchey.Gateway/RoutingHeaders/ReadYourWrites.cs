using Microsoft.Extensions.Options;
using NpgsqlTypes;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.RoutingHeaders;

/// <summary>
/// Read-your-writes at the HTTP edge. The gateway cannot see the commit LSN of a write the
/// upstream API made, but once the API has answered 2xx the write has committed, so the
/// primary's <c>pg_current_wal_lsn()</c> read afterwards is at or past it. That LSN goes back to
/// the client (header and cookie); a later read carrying it may use a replica only if the
/// replica has replayed that far. The LSN travels signed (<see cref="LsnTokens"/>), so only
/// positions this gateway issued are honoured.
/// </summary>
internal sealed class ReadYourWrites(IOptions<DatabaseRoutingHttpOptions> options, LsnTokens tokens)
{
    public const string HeaderName = "X-Pitchey-Lsn";
    public const string CookieName = "pitchey-lsn";

    /// <summary>
    /// The read options a request asks for: the highest LSN of a genuine, fresh token (see
    /// <see cref="LsnTokens"/>) in its <c>X-Pitchey-Lsn</c> header or <c>pitchey-lsn</c> cookie, or
    /// null. Malformed, unsigned, forged and stale values are ignored, never an error.
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

    private NpgsqlLogSequenceNumber? Max(NpgsqlLogSequenceNumber? best, string? value) =>
        tokens.Read(value?.Trim()) is { } lsn && (best is null || lsn > best.Value) ? lsn : best;
}
