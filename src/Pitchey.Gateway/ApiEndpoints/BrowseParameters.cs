using System.Globalization;
using Pitchey.Database.Queries;
using static Pitchey.Gateway.ApiEndpoints.QueryStringReader;

namespace Pitchey.Gateway.ApiEndpoints;

/// <summary>
/// The query string of <c>GET /api/pitches/browse/enhanced</c> as the existing frontend sends it:
/// filters, sort and order, and either <c>offset</c>/<c>page</c> or a <c>cursor</c>.
/// </summary>
internal static class BrowseParameters
{
    public const int DefaultLimit = 24;

    /// <summary>The largest budget numeric(14,2) holds.</summary>
    private const decimal MaxBudget = 999_999_999_999.99m;

    public static bool TryParse(
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
            || !TryInt(query, "limit", DefaultLimit, 1, MaxLimit, out var limit, out error))
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
}
