namespace Pitchey.Database.Routing;

/// <summary>Names of the tuned queries: routing rules, metrics and logs refer to them.</summary>
public static class QueryNames
{
    public const string Browse = "browse";
    public const string Search = "search";
    public const string Session = "session";
    public const string CreatorDashboard = "creator-dashboard";
    public const string PlatformStats = "platform-stats";
}
