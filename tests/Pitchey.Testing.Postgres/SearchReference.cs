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
}
