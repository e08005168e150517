namespace Pitchey.Gateway.StatusPage;

/// <summary>
/// The status page's reserved panels, shown as "not available" until a feature registers a
/// <see cref="StatusPanel"/> with the slot's id (the database insight and the alerts do).
/// </summary>
internal static class StatusPanelSlots
{
    public const string SlowQueries = "slow-queries";
    public const string Recommendations = "recommendations";
    public const string Alerts = "alerts";

    /// <summary>The slots in page order, with their headings.</summary>
    public static readonly IReadOnlyList<(string Id, string Title)> All =
    [
        (SlowQueries, "Slow queries"),
        (Recommendations, "Recommendations"),
        (Alerts, "Alerts"),
    ];
}
