using Pitchey.Database.Queries;
using static Pitchey.Gateway.ApiEndpoints.QueryStringReader;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>The query string of <c>GET /api/pitches/search</c> and <c>/api/search</c>: text, two filters, page and limit.</summary>
internal static class SearchParameters
{
    public const int DefaultLimit = 20;
    public const int MaxTextLength = 500;

    public static bool TryParse(IQueryCollection query, int maxOffset, out SearchRequest? request, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        request = null;
        if (!TrySingle(query, "q", out var text, out error)
            || !TryFilter(query, "genre", out var genre, out error)
            || !TryFilter(query, "format", out var format, out error)
            || !TryInt(query, "limit", DefaultLimit, 1, MaxLimit, out var limit, out error)
            || !TryInt(query, "page", 1, 1, int.MaxValue, out var page, out error))
        {
            return false;
        }

        // Not trimmed: in substring mode the text is matched literally, spaces included, as the API does.
        text ??= "";
        if (text.Length > MaxTextLength)
        {
            error = $"q must be at most {MaxTextLength} characters";
            return false;
        }

        var offset = (long)(page - 1) * limit;
        if (offset > maxOffset)
        {
            error = $"page is too deep: page x limit may reach at most {maxOffset} results";
            return false;
        }

        request = new SearchRequest(text, genre, format, limit, (int)offset);
        return true;
    }
}
