using Microsoft.Extensions.Options;
using Npgsql;

namespace Pitchey.Database.Queries;

/// <summary>
/// Search as <c>TunedQueries:Search:Mode</c> says: <see cref="SubstringSearchQuery"/> (the existing
/// API's semantics, the default) or <see cref="FullTextSearchQuery"/> (ranked).
/// </summary>
public sealed class SearchQuery(SubstringSearchQuery substring, FullTextSearchQuery fullText, IOptions<TunedQueryOptions> options)
{
    /// <summary>The mode in force (validated at start-up).</summary>
    public SearchMode Mode { get; } = options.Value.Search.ModeKind ?? SearchMode.Substring;

    /// <summary>
    /// False when the answer is known without the database: blank text in full-text mode matches
    /// nothing. (In substring mode, as in the API, blank text matches every pitch.)
    /// </summary>
    public bool NeedsDatabase(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Mode == SearchMode.Substring || !string.IsNullOrWhiteSpace(request.Text);
    }

    public Task<SearchPage> RunAsync(NpgsqlConnection connection, SearchRequest request, CancellationToken cancellationToken) =>
        Mode == SearchMode.Substring
            ? substring.RunAsync(connection, request, cancellationToken)
            : fullText.RunAsync(connection, request, cancellationToken);
}
