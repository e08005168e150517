namespace Pitchey.Database.Queries;

/// <summary>
/// How search matches and what it may cost (<c>TunedQueries:Search</c>); bounds in
/// <see cref="TunedQueryConstants"/>, checked by <see cref="TunedQueryOptionsValidator"/>.
/// </summary>
public sealed class SearchOptions
{
    /// <summary>
    /// <c>Substring</c> (default): the existing API's case-insensitive substring match, newest first.
    /// <c>FullText</c>: ranked full-text matches (other rows, in another order: a client notices).
    /// A string, so that a typo stops start-up instead of silently meaning the default.
    /// </summary>
    public string Mode { get; set; } = nameof(SearchMode.Substring);

    /// <summary>
    /// Substring mode: a match set up to this size is counted exactly; a bigger one reports the
    /// planner's estimate, flagged <c>totalIsEstimate</c>. Smaller than browse's limit because every
    /// counted row is a text match, not an index entry. Default 1,000; range 100-1,000,000.
    /// </summary>
    public int ExactCountLimit { get; set; } = TunedQueryConstants.DefaultSearchExactCountLimit;

    /// <summary>
    /// Substring mode: a text without three letters or digits in a row (<c>a</c>, <c>42</c>, <c>%</c>)
    /// has no trigram for the index to look up, so it is matched among this many newest pitches only:
    /// the rows are exactly the reference's first rows, and the total is flagged when the window was
    /// full. Default 10,000; range 100-1,000,000.
    /// </summary>
    public int ShortTermScanLimit { get; set; } = TunedQueryConstants.DefaultShortTermScanLimit;

    /// <summary><see cref="Mode"/> parsed; null when it names no mode.</summary>
    internal SearchMode? ModeKind =>
        Enum.TryParse<SearchMode>(Mode, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Mode, out _) ? kind : null;
}
