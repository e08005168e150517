namespace Pitchey.Database.Queries;

/// <summary>
/// The user's text as an <c>ILIKE</c> pattern that matches it literally anywhere in a column, and
/// whether the trigram indexes can look it up.
/// </summary>
internal static class LikePattern
{
    /// <summary>Letters or digits in a row that make at least one trigram the index can look up.</summary>
    public const int TrigramLength = 3;

    /// <summary>
    /// <c>%text%</c> with <c>\</c>, <c>%</c> and <c>_</c> escaped by <c>\</c> (ILIKE's default escape
    /// character), so each is the character itself, never a wildcard.
    /// </summary>
    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length + CountSpecial(text) + 2, text, static (span, text) =>
        {
            span[0] = '%';
            var at = 1;
            foreach (var c in text)
            {
                if (c is '\\' or '%' or '_')
                {
                    span[at++] = '\\';
                }

                span[at++] = c;
            }

            span[at] = '%';
        });
    }

    /// <summary>
    /// True when the text holds <see cref="TrigramLength"/> ASCII letters or digits in a row. Only
    /// then does pg_trgm find a trigram in the pattern to look up: a shorter word (or one in a script
    /// the database's C locale does not class as letters) leaves it nothing but a scan of the whole index.
    /// </summary>
    public static bool HasTrigram(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiLetterOrDigit(c) ? run + 1 : 0;
            if (run == TrigramLength)
            {
                return true;
            }
        }

        return false;
    }

    private static int CountSpecial(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is '\\' or '%' or '_')
            {
                count++;
            }
        }

        return count;
    }
}
