using Pitchey.Database.Routing;

namespace Pitchey.Database.SlowQueries;

/// <summary>
/// The comment every statement of the gateway starts with, naming the route (the tuned query) it
/// serves, so a row of <c>pg_stat_statements</c> or <c>pg_stat_activity</c> ties back to it.
/// </summary>
/// <remarks>
/// Constant per statement on purpose. PostgreSQL computes a statement's query id from its parse
/// tree, where comments do not exist: two texts that differ only in a comment share one
/// <c>pg_stat_statements</c> row, whose text is the first one seen (comment included). A comment that
/// varied per request (a trace id, a user) would therefore label a shared row with one arbitrary
/// request, and it would also defeat prepared statements, which Npgsql and PostgreSQL key by the
/// exact text. A fixed tag per statement keeps one row and one prepared statement per shape, and
/// the row's label is always right.
/// </remarks>
public static class SqlTags
{
    private const string Start = "/* pitchey:route=";
    private const string End = " */ ";

    public const string Browse = Start + QueryNames.Browse + End;
    public const string Search = Start + QueryNames.Search + End;
    public const string Session = Start + QueryNames.Session + End;
    public const string CreatorDashboard = Start + QueryNames.CreatorDashboard + End;
    public const string PlatformStats = Start + QueryNames.PlatformStats + End;

    /// <summary>The database insight's own reads, which its workload figures leave out.</summary>
    public const string Insight = "/* pitchey:insight */ ";

    /// <summary>The route a statement text is tagged with (its leading <c>/* pitchey:route=... */</c>), or null.</summary>
    public static string? RouteOf(string? sql)
    {
        if (sql is null)
        {
            return null;
        }

        var text = sql.AsSpan().TrimStart();
        if (!text.StartsWith(Start, StringComparison.Ordinal))
        {
            return null;
        }

        text = text[Start.Length..];
        var end = text.IndexOf(" */", StringComparison.Ordinal);
        return end > 0 && text[..end].IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-_") < 0 ? text[..end].ToString() : null;
    }
}
