using System.Globalization;
using Microsoft.Extensions.Primitives;
using Pitchey.Database.Queries;

namespace Pitchey.Gateway.TunedEndpoints;

/// <summary>
/// Query-string parsing of the tuned endpoints. Every rejection is a message that starts with the
/// parameter's name, so the 400 tells the caller what to fix. No exceptions on bad input.
/// </summary>
internal static class TunedParameters
{
    public const int DefaultBrowseLimit = 24;
    public const int DefaultSearchLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxFilterLength = 100;
    public const int MaxSearchTextLength = 500;

    /// <summary>The largest budget numeric(14,2) holds.</summary>
    private const decimal MaxBudget = 999_999_999_999.99m;

    public static bool TryParseBrowse(
        IQueryCollection query, int maxOffset, BrowseCursorCodec codec, out BrowseRequest? request, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(codec);
        request = null;
        if (!TryFilter(query, "genre", out var genre, out error)
            || !TryFilter(query, "format", out var format, out error)
            || !TryFilter(query, "stage", out var stage, out error)
            || !TryBudget(query, "budgetMin", out var budgetMin, out error)
            || !TryBudget(query, "budgetMax", out var budgetMax, out error)
            || !TrySort(query, out var sort, out error)
            || !TryOrder(query, out var descending, out error)
            || !TryInt(query, "limit", DefaultBrowseLimit, 1, MaxLimit, out var limit, out error))
        {
            return false;
        }

        if (budgetMin is { } min && budgetMax is { } max && min > max)
        {
            error = "budgetMin must not be greater than budgetMax";
            return false;
        }

        var filter = new BrowseFilter(genre, format, stage, budgetMin, budgetMax);
        if (!TrySingle(query, "cursor", out var cursorText, out error))
        {
            return false;
        }

        BrowseCursor? cursor = null;
        if (!string.IsNullOrEmpty(cursorText))
        {
            if (!codec.TryDecode(cursorText, filter, out cursor))
            {
                error = "cursor is invalid or was issued for other filters; start again without cursor";
                return false;
            }

            if (cursor!.Sort != sort || cursor.Descending != descending)
            {
                error = "cursor was issued for a different sort or order";
                return false;
            }

            request = new BrowseRequest(filter, sort, descending, limit, 0, cursor);
            return true;
        }

        if (!TryOffset(query, limit, maxOffset, out var offset, out error))
        {
            return false;
        }

        request = new BrowseRequest(filter, sort, descending, limit, offset, null);
        return true;
    }

    public static bool TryParseSearch(IQueryCollection query, int maxOffset, out SearchRequest? request, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        request = null;
        if (!TrySingle(query, "q", out var text, out error)
            || !TryFilter(query, "genre", out var genre, out error)
            || !TryFilter(query, "format", out var format, out error)
            || !TryInt(query, "limit", DefaultSearchLimit, 1, MaxLimit, out var limit, out error)
            || !TryInt(query, "page", 1, 1, int.MaxValue, out var page, out error))
        {
            return false;
        }

        text = text?.Trim() ?? "";
        if (text.Length > MaxSearchTextLength)
        {
            error = $"q must be at most {MaxSearchTextLength} characters";
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

    private static bool TryOffset(IQueryCollection query, int limit, int maxOffset, out int offset, out string? error)
    {
        offset = 0;
        if (!TrySingle(query, "offset", out var offsetText, out error) || !TrySingle(query, "page", out var pageText, out error))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(offsetText))
        {
            // offset wins over page when both are sent: it is what the frontend sends.
            if (!int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > maxOffset)
            {
                error = $"offset must be an integer between 0 and {maxOffset} (use cursor for deeper pages)";
                return false;
            }

            return true;
        }

        if (!string.IsNullOrEmpty(pageText))
        {
            if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1
                || (long)(page - 1) * limit > maxOffset)
            {
                error = $"page must be an integer from 1 with (page - 1) x limit at most {maxOffset} (use cursor for deeper pages)";
                return false;
            }

            offset = (page - 1) * limit;
        }

        return true;
    }

    private static bool TrySort(IQueryCollection query, out BrowseSort sort, out string? error)
    {
        sort = BrowseSort.Date;
        if (!TrySingle(query, "sort", out var text, out error))
        {
            return false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (Is(text, "date") || Is(text, "newest"))
        {
            sort = BrowseSort.Date;
        }
        else if (Is(text, "views"))
        {
            sort = BrowseSort.Views;
        }
        else if (Is(text, "likes"))
        {
            sort = BrowseSort.Likes;
        }
        else if (Is(text, "budget"))
        {
            sort = BrowseSort.Budget;
        }
        else
        {
            error = "sort must be one of date, newest, views, likes, budget";
            return false;
        }

        return true;
    }

    private static bool TryOrder(IQueryCollection query, out bool descending, out string? error)
    {
        descending = true;
        if (!TrySingle(query, "order", out var text, out error))
        {
            return false;
        }

        if (string.IsNullOrEmpty(text) || Is(text, "desc"))
        {
            return true;
        }

        if (Is(text, "asc"))
        {
            descending = false;
            return true;
        }

        error = "order must be asc or desc";
        return false;
    }

    private static bool TryInt(IQueryCollection query, string name, int fallback, int min, int max, out int value, out string? error)
    {
        value = fallback;
        if (!TrySingle(query, name, out var text, out error))
        {
            return false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            error = max == int.MaxValue
                ? $"{name} must be an integer of at least {min}"
                : $"{name} must be an integer between {min} and {max}";
            return false;
        }

        return true;
    }

    private static bool TryBudget(IQueryCollection query, string name, out decimal? value, out string? error)
    {
        value = null;
        if (!TrySingle(query, name, out var text, out error))
        {
            return false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || parsed > MaxBudget)
        {
            error = $"{name} must be a non-negative number of at most {MaxBudget.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }

        value = parsed;
        return true;
    }

    private static bool TryFilter(IQueryCollection query, string name, out string? value, out string? error)
    {
        if (!TrySingle(query, name, out value, out error))
        {
            return false;
        }

        value = value?.Trim();
        if (string.IsNullOrEmpty(value) || Is(value, "all"))
        {
            // The frontend's "All genres" choice.
            value = null;
            return true;
        }

        if (value.Length > MaxFilterLength)
        {
            error = $"{name} must be at most {MaxFilterLength} characters";
            value = null;
            return false;
        }

        return true;
    }

    private static bool TrySingle(IQueryCollection query, string name, out string? value, out string? error)
    {
        error = null;
        value = null;
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1)
        {
            error = $"{name} must be given at most once";
            return false;
        }

        value = values[0];
        return true;
    }

    private static bool Is(string text, string word) => string.Equals(text, word, StringComparison.OrdinalIgnoreCase);
}
