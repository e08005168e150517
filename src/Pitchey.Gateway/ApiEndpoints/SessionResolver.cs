using Microsoft.Net.Http.Headers;
using Pitchey.Database.Queries;
using Pitchey.Database.Routing;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// Finds the caller's session: the <c>pitchey-session</c> cookie (what the existing frontend
/// sends), then <c>better-auth-session</c>, then <c>Authorization: Bearer</c>; cache first, then
/// the database through the router (query name <c>session</c>).
/// </summary>
internal sealed class SessionResolver(SessionQuery sessions, RoutedReader reader)
{
    public const string SessionCookie = "pitchey-session";
    public const string FallbackCookie = "better-auth-session";

    /// <summary>The live session's user, or null (no token, unknown, expired, or inactive user).</summary>
    public async ValueTask<SessionUser?> ResolveAsync(HttpContext context)
    {
        if (SessionKeyFeature.Of(context, sessions) is not { } key)
        {
            return null;
        }

        if (sessions.TryGetCached(key, out var cached))
        {
            return cached;
        }

        return await reader.ReadAsync(context, QueryNames.Session, (connection, ct) => sessions.LoadAsync(connection, key, ct));
    }

    /// <summary>The token a request carries, or null; over-long tokens and text the database refuses count as none.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = Usable(request.Cookies[SessionCookie]) ?? Usable(request.Cookies[FallbackCookie]);
        if (token is not null)
        {
            return token;
        }

        var authorization = request.Headers[HeaderNames.Authorization];
        if (authorization.Count == 1 && authorization[0] is { } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Usable(header[7..].Trim());
        }

        return null;
    }

    // A token PostgreSQL could not even compare (NUL, broken Unicode) matches no session.
    private static string? Usable(string? token) =>
        string.IsNullOrEmpty(token) || token.Length > SessionQuery.MaxTokenLength || !QueryStringReader.IsStorableText(token) ? null : token;
}
