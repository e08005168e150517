namespace Pitchey.Database.Insight;

/// <summary>
/// One piece of advice: what to do (<paramref name="Sql"/>, statements to run as written, comments
/// explaining them) and why (<paramref name="Evidence"/>: the figures it rests on, by name).
/// </summary>
/// <param name="Kind">One of <see cref="RecommendationKinds"/>.</param>
/// <param name="Severity"><c>info</c>, <c>warning</c> or <c>critical</c> (<see cref="RecommendationSeverity"/>).</param>
/// <param name="Subject">What it is about: an index, a table, a statement id, a session, a host.</param>
/// <param name="Host">Where the SQL must run; null for the primary.</param>
public sealed record Recommendation(
    string Kind,
    string Severity,
    string Subject,
    string Title,
    IReadOnlyDictionary<string, object?> Evidence,
    IReadOnlyList<string> Sql,
    string? Host = null,
    string? Note = null)
{
    /// <summary>Stable across rounds while the cause lasts (alerts key on it).</summary>
    public string Id => $"{Kind}:{Host ?? "primary"}:{Subject}";
}
