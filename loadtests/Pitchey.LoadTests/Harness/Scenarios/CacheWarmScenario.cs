namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>cache-warm</c>: the anonymous reads the response cache answers once it is warm — browse, search
/// and dashboard stats (tuned endpoints) and the landing page's public routes (forwarded, cached by
/// their <c>OutputCachePolicy</c>) — a few fixed variants each, so after the warm-up every request is
/// a hit. Labels <c>browse</c>, <c>search</c>, <c>stats</c>, <c>public</c>, a quarter of the load each.
/// </summary>
internal sealed class CacheWarmScenario : IScenario
{
    public const string ScenarioName = "cache-warm";

    public static readonly IReadOnlyList<string> Browse =
    [
        "/api/pitches/browse/enhanced?sort=date&order=desc&limit=24",
        "/api/pitches/browse/enhanced?genre=Drama&sort=date&order=desc&limit=24&offset=24",
        "/api/pitches/browse/enhanced?genre=Comedy&sort=views&order=desc&limit=24",
        "/api/pitches/browse/enhanced?format=Feature%20Film&sort=likes&order=desc&limit=12",
    ];

    public static readonly IReadOnlyList<string> Search =
    [
        "/api/search?q=love&limit=20",
        "/api/pitches/search?q=detective&page=2&limit=20",
        "/api/search?q=space%20station&genre=Sci-Fi&limit=20",
    ];

    public static readonly IReadOnlyList<string> Public =
    [
        "/api/pitches/public?page=1&limit=20",
        "/api/pitches/public/trending?limit=10",
        "/api/pitches/public/new?limit=10",
        "/api/pitches/public/featured?limit=6",
        "/api/pitches/public/1",
        "/api/pitches/public/2",
    ];

    public string Name => ScenarioName;

    public string Description => "anonymous browse, search, dashboard stats and the public listings, a few variants each: warm cache hits";

    public string? Validate(Run.RunSettings settings) => OneGatewayRules.Refuse(settings, ScenarioName);

    public Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = new List<ScenarioRequest>();
        AddShare(requests, "browse", Browse);
        AddShare(requests, "search", Search);
        AddShare(requests, "stats", ["/api/dashboard/stats"]);
        AddShare(requests, "public", Public);
        return Task.FromResult(new ScenarioPlan(requests, [], []));
    }

    /// <summary>One label, one share of the load, spread over its paths.</summary>
    internal static void AddShare(List<ScenarioRequest> requests, string label, IReadOnlyList<string> paths, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        foreach (var path in paths)
        {
            requests.Add(new ScenarioRequest(label, 1.0 / paths.Count, new HttpRequestTemplate("GET", path, headers)));
        }
    }
}
