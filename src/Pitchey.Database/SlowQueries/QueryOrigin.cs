namespace Pitchey.Database.SlowQueries;

/// <summary>
/// What the database work in this async flow is for: the gateway sets the HTTP route
/// (<c>GET /api/pitches/browse/enhanced</c>) before a routed read, and a slow query is reported
/// with it. An async-local: set inside an async method, it reverts when that method returns.
/// </summary>
public static class QueryOrigin
{
    private static readonly AsyncLocal<string?> Value = new();

    /// <summary>The origin of the work in this flow, or null (background work).</summary>
    public static string? Current
    {
        get => Value.Value;
        set => Value.Value = value;
    }
}
