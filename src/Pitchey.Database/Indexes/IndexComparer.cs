using System.Text.RegularExpressions;

namespace Pitchey.Database.Indexes;

/// <summary>
/// Compares an index as written in a file with <c>pg_get_indexdef</c>'s rendering of an existing one
/// (the migration engine), and predicates of two indexes (the migration lint and the database
/// insight, which share <see cref="IndexCoverage"/>; moved here from the migration engine so both can).
/// PostgreSQL adds schema names, <c>USING btree</c>, parentheses and casts; both sides are reduced to
/// a canonical form without them. A heuristic: it may call two equal indexes different (never the
/// reverse for the common cases), which only makes apply refuse to touch the existing one.
/// </summary>
public static partial class IndexComparer
{
    public static bool SameDefinition(string existing, string written) => Canonical(existing) == Canonical(written);

    public static bool SamePredicate(string? a, string? b) =>
        (a is null && b is null) || (a is not null && b is not null && Canonical(a) == Canonical(b));

    internal static string Canonical(string definition)
    {
        var text = definition.ToLowerInvariant();
        text = Casts().Replace(text, "");
        text = Noise().Replace(text, " ");
        text = text.Replace("public.", "", StringComparison.Ordinal);
        return Strip().Replace(text, "");
    }

    [GeneratedRegex(@"::\s*""?[a-z_][a-z0-9_]*""?(\s+(with|without)\s+time\s+zone|\s+varying|\s+precision)?(\[\])?")]
    private static partial Regex Casts();

    [GeneratedRegex(@"\b(concurrently|if\s+not\s+exists|using\s+btree|only|asc)\b")]
    private static partial Regex Noise();

    [GeneratedRegex(@"[\s()""]")]
    private static partial Regex Strip();
}
