using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// The requests of the tuned read endpoints as the frontend makes them, with real parameters
/// (<see cref="HotReadsParameters"/>): browse by genre, format or nothing, four sorts, the first
/// pages by offset and the second by cursor; search for common and rare title words; the session
/// from the <c>pitchey-session</c> cookie; the creator dashboard with creators' cookies; the platform
/// stats. One label per endpoint (search split into common and rare words); each label gets its
/// <see cref="Shares"/> of the load, spread over its variants by how often the frontend would send them.
/// </summary>
internal static class TunedReads
{
    public const string Browse = "browse";
    public const string SearchCommon = "search-common";
    public const string SearchRare = "search-rare";
    public const string Session = "session";
    public const string CreatorDashboard = "creator-dashboard";
    public const string Stats = "stats";

    public const string BrowsePath = "/api/pitches/browse/enhanced";
    public const string SessionCookie = "pitchey-session";
    public const int PageSize = 24;

    /// <summary>Each label's share of the mix: browsing dominates, every page asks for the session.</summary>
    public static readonly IReadOnlyList<(string Label, double Share)> Shares =
    [
        (Browse, 0.40), (SearchCommon, 0.12), (SearchRare, 0.08), (Session, 0.25), (CreatorDashboard, 0.10), (Stats, 0.05),
    ];

    /// <summary>Sorts as the frontend offers them (all newest/largest first), and how often each is picked.</summary>
    private static readonly (string Sort, double Weight)[] Sorts = [("date", 0.55), ("views", 0.2), ("likes", 0.15), ("budget", 0.1)];

    /// <summary>Pages: most visits stop at the first; a cursor is the frontend's "load more".</summary>
    private static readonly (int Offset, double Weight)[] Offsets = [(0, 0.5), (PageSize, 0.2), (2 * PageSize, 0.15), (4 * PageSize, 0.05)];

    private const double CursorWeight = 0.1;

    /// <summary>The browse queries without a page: every filter (none, each genre, each format) × every sort, with the variant's weight.</summary>
    public static IReadOnlyList<(string Query, double Weight)> BrowseQueries(HotReadsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var filters = new List<(string Filter, double Weight)> { ("", 0.3) };
        filters.AddRange(Shared(parameters.Genres, 0.5).Select(genre => ($"genre={Uri.EscapeDataString(genre.Value)}&", genre.Weight)));
        filters.AddRange(Shared(parameters.Formats, 0.2).Select(format => ($"format={Uri.EscapeDataString(format.Value)}&", format.Weight)));
        return [.. filters.SelectMany(filter => Sorts.Select(sort => (
            string.Create(CultureInfo.InvariantCulture, $"{BrowsePath}?{filter.Filter}sort={sort.Sort}&order=desc&limit={PageSize}"), filter.Weight * sort.Weight)))];
    }

    /// <summary>The second page's cursor of each browse query, asked of the target over the control client; queries it does not answer with one are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CursorsAsync(
        HttpClient control, Uri target, IEnumerable<string> queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(queries);
        var cursors = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = target.ToString().TrimEnd('/');
        foreach (var query in queries)
        {
            try
            {
                var page = await control.GetFromJsonAsync<JsonElement>(root + query, cancellationToken);
                if (page.ValueKind == JsonValueKind.Object && page.TryGetProperty("nextCursor", out var cursor) && cursor.GetString() is { Length: > 0 } text)
                {
                    cursors[query] = text;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException
                && !cancellationToken.IsCancellationRequested)
            {
                // Not a gateway, or it failed this once: that query goes without its cursor page.
            }
        }

        return cursors;
    }

    /// <summary>The mix of <paramref name="labels"/> (those with no parameters left out), each label scaled to its share.</summary>
    public static IReadOnlyList<ScenarioRequest> Requests(
        HotReadsParameters parameters, IReadOnlyDictionary<string, string> cursors, IReadOnlyCollection<string> labels)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(cursors);
        ArgumentNullException.ThrowIfNull(labels);
        var requests = new List<ScenarioRequest>();
        foreach (var (label, share) in Shares.Where(entry => labels.Contains(entry.Label)))
        {
            var variants = Variants(label, parameters, cursors).ToList();
            var total = variants.Sum(variant => variant.Weight);
            requests.AddRange(variants.Where(_ => total > 0).Select(variant => new ScenarioRequest(label, share * variant.Weight / total, variant.Request)));
        }

        return requests;
    }

    /// <summary>Why a label of <paramref name="labels"/> has no requests, one line each.</summary>
    public static IEnumerable<string> Missing(HotReadsParameters parameters, IReadOnlyCollection<string> labels)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Contains(SearchCommon) && parameters.CommonWords.Count == 0)
        {
            yield return $"{SearchCommon}: no title words in the database";
        }

        if (labels.Contains(SearchRare) && parameters.RareWords.Count == 0)
        {
            yield return $"{SearchRare}: no rare title words in the database's sample";
        }

        if (labels.Contains(Session) && parameters.SessionTokens.Count == 0)
        {
            yield return $"{Session}: no live session token (give --tokens-file; seed --tokens-file writes one)";
        }

        if (labels.Contains(CreatorDashboard) && parameters.CreatorTokens.Count == 0)
        {
            yield return $"{CreatorDashboard}: no live creator's token in --tokens-file";
        }
    }

    private static IEnumerable<(HttpRequestTemplate Request, double Weight)> Variants(
        string label, HotReadsParameters parameters, IReadOnlyDictionary<string, string> cursors) => label switch
    {
        Browse => BrowseQueries(parameters).SelectMany(query => Offsets
            .Select(offset => (HttpRequestTemplate.Get(string.Create(CultureInfo.InvariantCulture, $"{query.Query}&offset={offset.Offset}")), query.Weight * offset.Weight))
            .Concat(cursors.TryGetValue(query.Query, out var cursor)
                ? [(HttpRequestTemplate.Get($"{query.Query}&cursor={Uri.EscapeDataString(cursor)}"), query.Weight * CursorWeight)]
                : [])),
        SearchCommon => parameters.CommonWords.Select(word => (Search(word.Word), (double)word.Count)),
        SearchRare => parameters.RareWords.Select(word => (Search(word), 1.0)),
        Session => parameters.SessionTokens.Select(token => (WithSession("/api/auth/session", token), 1.0)),
        CreatorDashboard => parameters.CreatorTokens.Select(token => (WithSession("/api/creator/dashboard", token), 1.0)),
        Stats => [(HttpRequestTemplate.Get("/api/dashboard/stats"), 1.0)],
        _ => [],
    };

    private static HttpRequestTemplate Search(string word) =>
        HttpRequestTemplate.Get(string.Create(CultureInfo.InvariantCulture, $"/api/pitches/search?q={Uri.EscapeDataString(word)}&page=1&limit={PageSize}"));

    private static HttpRequestTemplate WithSession(string path, string token) =>
        new("GET", path, [new KeyValuePair<string, string>("Cookie", $"{SessionCookie}={token}")]);

    private static IEnumerable<(string Value, double Weight)> Shared(IReadOnlyList<(string Value, long Count)> counts, double share)
    {
        var total = counts.Sum(entry => (double)entry.Count);
        return counts.Where(_ => total > 0).Select(entry => (entry.Value, share * entry.Count / total));
    }
}
