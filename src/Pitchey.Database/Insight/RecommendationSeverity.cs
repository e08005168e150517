namespace Pitchey.Database.Insight;

/// <summary>How soon a recommendation needs acting on.</summary>
public static class RecommendationSeverity
{
    /// <summary>Worth knowing; nothing breaks.</summary>
    public const string Info = "info";

    /// <summary>Costs something now (write amplification, slow reads, held locks).</summary>
    public const string Warning = "warning";

    /// <summary>Will stop the database or the application if left.</summary>
    public const string Critical = "critical";
}
