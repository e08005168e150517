using Pitchey.Database.Routing;
using Pitchey.Database.SlowQueries;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// Which tuned endpoint a pg_stat_statements statement belongs to, from the text the gateway sends
/// (normalised by PostgreSQL: constants become $n, so only literal-free fragments are matched, all
/// within the first <see cref="Reports.StatementReport.QueryLength"/> characters the sampler keeps). Both search labels share their statements;
/// a substring search's page starts like browse's, so ILIKE (only search has it) is looked for first.
/// The gateway's statements carry their route in a leading comment (SqlTags), which decides; the
/// fragments, for untagged statements, follow the gateway's SQL (Pitchey.Database.Queries); a test pins them.
/// </summary>
internal static class StatementLabels
{
    /// <summary>A statement group and the labels whose requests it serves.</summary>
    public static readonly IReadOnlyList<(string Group, string[] Labels)> Groups =
    [
        (TunedReads.Browse, [TunedReads.Browse]),
        ("search", [TunedReads.SearchCommon, TunedReads.SearchRare]),
        (TunedReads.Session, [TunedReads.Session]),
        (TunedReads.CreatorDashboard, [TunedReads.CreatorDashboard]),
        (TunedReads.Stats, [TunedReads.Stats]),
    ];

    /// <summary>The group of a statement's text, or null (health checks, replica monitoring, anything else).</summary>
    public static string? GroupOf(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (IsSessionSetting(query))
        {
            return null;
        }

        return SqlTags.RouteOf(query) switch
        {
            // The gateway names the route its statements serve in a leading comment (SqlTags).
            QueryNames.Browse => TunedReads.Browse,
            QueryNames.Search => "search",
            QueryNames.Session => TunedReads.Session,
            QueryNames.CreatorDashboard => TunedReads.CreatorDashboard,
            QueryNames.PlatformStats => TunedReads.Stats,
            _ => GroupOfUntagged(query),
        };
    }

    /// <summary>
    /// A SET or RESET the gateway wraps around a statement in its batch (browse's plan mode): tagged
    /// with its route, but not a query of its own, so the queries-per-request figures leave it out.
    /// </summary>
    private static bool IsSessionSetting(string query)
    {
        var text = query.AsSpan().TrimStart();
        if (text.StartsWith("/*", StringComparison.Ordinal) && text.IndexOf("*/", StringComparison.Ordinal) is var end and > 0)
        {
            text = text[(end + 2)..].TrimStart();
        }

        return text.StartsWith("SET ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("RESET ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A gateway from before the tags: told by fragments of its SQL.</summary>
    private static string? GroupOfUntagged(string query) =>
        query.Contains("websearch_to_tsquery", StringComparison.Ordinal) || query.Contains(" ILIKE ", StringComparison.Ordinal) ? "search"
            : query.Contains("FROM sessions s JOIN users u", StringComparison.Ordinal) ? TunedReads.Session
            : query.StartsWith("WITH mine AS MATERIALIZED", StringComparison.Ordinal)
                || query.Contains("FROM nda_requests r WHERE r.owner_id", StringComparison.Ordinal) ? TunedReads.CreatorDashboard
            : query.Contains("(SELECT count(*) FROM investments)", StringComparison.Ordinal) ? TunedReads.Stats
            : query.StartsWith("SELECT p.id, p.title, p.logline, p.genre, p.format", StringComparison.Ordinal)
                || query.StartsWith("SELECT count(*) FROM (SELECT", StringComparison.Ordinal)
                || query.StartsWith("EXPLAIN (FORMAT JSON) SELECT", StringComparison.Ordinal) ? TunedReads.Browse
            : null;
}
