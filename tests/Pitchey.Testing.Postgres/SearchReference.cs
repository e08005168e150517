namespace Pitchey.Testing.Postgres;

/// <summary>
/// The reference query of substring search, as the existing API writes it (title, logline and
/// description <c>ILIKE '%' || q || '%'</c>), with the text escaped in SQL, independently of the
/// gateway's own escaping, so that <c>%</c>, <c>_</c> and <c>\</c> are characters. The text is <c>$1</c>.
/// </summary>
public static class SearchReference
{
    public const string SubstringMatch =
        "(title ILIKE '%' || replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' " +
        "OR logline ILIKE '%' || replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' " +
        "OR description ILIKE '%' || replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')";

    /// <summary>Visible pitches: published and public.</summary>
    public const string Visible = "status = 'published' AND visibility = 'public'";

    /// <summary>
    /// How many visible pitches the planner expects to match <paramref name="text"/>. ANALYZE reads
    /// a random sample, so this moves a little from one ANALYZE to the next; a test whose outcome
    /// turns on the estimate (exact or estimated totals, which plan) picks its word by it.
    /// </summary>
    public static async Task<double> EstimatedMatchesAsync(PostgresCluster primary, string text)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var json = await primary.ScalarAsync<string>($"EXPLAIN (FORMAT JSON) SELECT 1 FROM pitches WHERE {Visible} AND {SubstringMatch}", text);
        using var plan = System.Text.Json.JsonDocument.Parse(json);
        return plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }
}
