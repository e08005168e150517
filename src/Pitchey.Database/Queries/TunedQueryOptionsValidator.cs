using Microsoft.Extensions.Options;
using Pitchey.Database.Configuration;
using C = Pitchey.Database.Queries.TunedQueryConstants;

namespace Pitchey.Database.Queries;

/// <summary>Checks every bound of <see cref="TunedQueryOptions"/>; the cursor secret's length only, never its text.</summary>
internal sealed class TunedQueryOptionsValidator : IValidateOptions<TunedQueryOptions>
{
    public ValidateOptionsResult Validate(string? name, TunedQueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(TunedQueryOptions.SectionName);
        errors.InRange(nameof(options.ExactCountLimit), options.ExactCountLimit, C.MinExactCountLimit, C.MaxExactCountLimit);
        errors.InRange(nameof(options.CountCacheTtl), options.CountCacheTtl, C.MinCountCacheTtl, C.MaxCountCacheTtl);
        errors.InRange(nameof(options.MaxOffset), options.MaxOffset, C.MinMaxOffset, C.MaxMaxOffset);
        errors.InRange(nameof(options.SearchCandidateLimit), options.SearchCandidateLimit, C.MinSearchCandidateLimit, C.MaxSearchCandidateLimit);
        var search = errors.Section(nameof(options.Search));
        if (options.Search is not { } searchOptions)
        {
            errors.Add(nameof(options.Search), "is required.");
        }
        else
        {
            if (searchOptions.ModeKind is null)
            {
                search.Add(nameof(searchOptions.Mode), $"must be {nameof(SearchMode.Substring)} or {nameof(SearchMode.FullText)}.");
            }

            search.InRange(nameof(searchOptions.ExactCountLimit), searchOptions.ExactCountLimit, C.MinSearchExactCountLimit, C.MaxSearchExactCountLimit);
            search.InRange(nameof(searchOptions.ShortTermScanLimit), searchOptions.ShortTermScanLimit, C.MinShortTermScanLimit, C.MaxShortTermScanLimit);
        }

        errors.InRange(nameof(options.SessionCacheTtl), options.SessionCacheTtl, C.MinSessionCacheTtl, C.MaxSessionCacheTtl);
        errors.InRange(nameof(options.SessionCacheSize), options.SessionCacheSize, C.MinSessionCacheSize, C.MaxSessionCacheSize);
        errors.InRange(nameof(options.PlatformStatsInterval), options.PlatformStatsInterval, C.MinPlatformStatsInterval, C.MaxPlatformStatsInterval);
        if (options.CursorSecret is { Length: < C.MinCursorSecretLength })
        {
            errors.Add(nameof(options.CursorSecret), $"must be at least {C.MinCursorSecretLength} characters.");
        }

        return errors.Result;
    }
}
