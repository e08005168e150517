using Pitchey.Database.Queries;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// A request's session key (<see cref="SessionQuery.KeyFor"/>: the token's SHA-256 in hashed mode),
/// worked out once per request: the response cache identifies the user before the endpoint runs and
/// again after it, and the endpoint resolves the session in between.
/// </summary>
internal sealed class SessionKeyFeature
{
    private SessionKeyFeature(string? key) => Key = key;

    /// <summary>Null when the request carries no usable token.</summary>
    public string? Key { get; }

    public static string? Of(HttpContext context, SessionQuery sessions)
    {
        if (context.Features.Get<SessionKeyFeature>() is { } known)
        {
            return known.Key;
        }

        var feature = new SessionKeyFeature(SessionResolver.TokenOf(context.Request) is { } token ? sessions.KeyFor(token) : null);
        context.Features.Set(feature);
        return feature.Key;
    }
}
