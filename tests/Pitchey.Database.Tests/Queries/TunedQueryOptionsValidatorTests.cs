using Pitchey.Database.Queries;

namespace Pitchey.Database.Tests.Queries;

public sealed class TunedQueryOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultsAndALongSecret_Succeed()
    {
        var validator = new TunedQueryOptionsValidator();

        Assert.True(validator.Validate(null, new TunedQueryOptions()).Succeeded);
        Assert.True(validator.Validate(null, new TunedQueryOptions { CursorSecret = new string('s', 32) }).Succeeded);
    }

    [Theory]
    [InlineData("Substring", SearchMode.Substring)]
    [InlineData("fulltext", SearchMode.FullText)]
    [InlineData("FullText", SearchMode.FullText)]
    public void Validate_SearchMode_AnyCase(string mode, SearchMode expected)
    {
        var options = new TunedQueryOptions { Search = new SearchOptions { Mode = mode } };

        Assert.True(new TunedQueryOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(expected, options.Search.ModeKind);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("ILike")]
    public void Validate_UnknownSearchMode_NamesTheKey(string mode)
    {
        var result = new TunedQueryOptionsValidator().Validate(null, new TunedQueryOptions { Search = new SearchOptions { Mode = mode } });

        Assert.Equal("TunedQueries:Search:Mode must be Substring or FullText.", result.FailureMessage);
    }

    [Fact]
    public void Validate_EverythingOutOfRange_NamesEveryKeyAndNeverTheSecret()
    {
        var options = new TunedQueryOptions
        {
            ExactCountLimit = 99,
            CountCacheTtl = TimeSpan.FromHours(2),
            MaxOffset = -1,
            SearchCandidateLimit = 1_000_001,
            SessionCacheTtl = TimeSpan.FromSeconds(-1),
            SessionCacheSize = 0,
            PlatformStatsInterval = TimeSpan.FromMilliseconds(500),
            CursorSecret = "hunter2",
            Search = new SearchOptions { Mode = "Fuzzy", ExactCountLimit = 99, ShortTermScanLimit = 1_000_001 },
        };

        var result = new TunedQueryOptionsValidator().Validate(null, options);

        Assert.Equal(
            "TunedQueries:ExactCountLimit must be between 100 and 10000000.; " +
            "TunedQueries:CountCacheTtl must be between 00:00:01 and 01:00:00.; " +
            "TunedQueries:MaxOffset must be between 0 and 1000000.; " +
            "TunedQueries:SearchCandidateLimit must be between 100 and 1000000.; " +
            "TunedQueries:Search:Mode must be Substring or FullText.; " +
            "TunedQueries:Search:ExactCountLimit must be between 100 and 1000000.; " +
            "TunedQueries:Search:ShortTermScanLimit must be between 100 and 1000000.; " +
            "TunedQueries:SessionCacheTtl must be between 00:00:00 and 00:10:00.; " +
            "TunedQueries:SessionCacheSize must be between 1 and 10000000.; " +
            "TunedQueries:PlatformStatsInterval must be between 00:00:01 and 01:00:00.; " +
            "TunedQueries:CursorSecret must be at least 32 characters.",
            result.FailureMessage);
    }
}
