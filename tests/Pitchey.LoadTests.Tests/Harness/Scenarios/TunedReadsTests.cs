using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Tests.Harness.Scenarios;

/// <summary>The hot-reads mix from given parameters: each label its share, spread over real values.</summary>
public sealed class TunedReadsTests
{
    private static readonly HotReadsParameters Parameters = new(
        [("Drama", 30), ("Comedy", 10)], [("Feature", 5)], [("love", 9), ("night", 3)], ["zephyr"], ["s1", "c1"], ["c1"], 0);

    [Fact]
    public void Requests_AllLabels_EachItsShareAndTheWeightsSumToOne()
    {
        var labels = TunedReads.Shares.Select(share => share.Label).ToList();

        var requests = TunedReads.Requests(Parameters, new Dictionary<string, string>(), labels);

        Assert.Equal(1, requests.Sum(request => request.Weight), 9);
        foreach (var (label, share) in TunedReads.Shares)
        {
            Assert.Equal(share, requests.Where(request => request.Label == label).Sum(request => request.Weight), 9);
        }

        Assert.Contains(requests, request => request.Request.Path.Contains("genre=Drama&", StringComparison.Ordinal));
        Assert.Contains(requests, request => request.Request.Path.Contains("q=zephyr", StringComparison.Ordinal));
        Assert.Single(requests, request => request.Label == TunedReads.CreatorDashboard);
    }

    [Fact]
    public void Requests_CommonWords_WeightedByHowOftenTheyOccur()
    {
        var requests = TunedReads.Requests(Parameters, new Dictionary<string, string>(), [TunedReads.SearchCommon]);

        var love = requests.Single(request => request.Request.Path.Contains("q=love", StringComparison.Ordinal)).Weight;
        var night = requests.Single(request => request.Request.Path.Contains("q=night", StringComparison.Ordinal)).Weight;
        Assert.Equal(3, love / night, 9);
    }

    [Fact]
    public void Missing_NoTokens_SaysWhatToGive()
    {
        var bare = Parameters with { SessionTokens = [], CreatorTokens = [] };

        var missing = TunedReads.Missing(bare, [TunedReads.Session, TunedReads.CreatorDashboard]).ToList();

        Assert.Equal(
            ["session: no live session token (give --tokens-file; seed --tokens-file writes one)", "creator-dashboard: no live creator's token in --tokens-file"],
            missing);
    }
}
