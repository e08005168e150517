using System.Globalization;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>cache-cold</c>: browse with a filter nobody asked for before — 300,000 variants (every genre of
/// the seeded data with a distinct <c>budgetMin</c>), drawn at random, so nearly every request misses
/// the cache and runs its query (at 50,000 requests about 8 % repeat a variant; the gateway's
/// <c>pitchey_cache_requests_total</c> gives the exact hit share). Label <c>browse-cold</c>.
/// </summary>
internal sealed class CacheColdScenario : IScenario
{
    public const string ScenarioName = "cache-cold";

    public const int Variants = 300_000;

    private static readonly string[] Genres = ["Drama", "Comedy", "Thriller", "Horror", "Sci-Fi", "Romance", "Documentary", "Action"];

    public string Name => ScenarioName;

    public string Description => "browse with a new filter on (nearly) every request: cache misses that run their query";

    public string? Validate(Run.RunSettings settings) => OneGatewayRules.Refuse(settings, ScenarioName);

    public Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = new List<ScenarioRequest>(Variants);
        for (var i = 0; i < Variants; i++)
        {
            var genre = Genres[i % Genres.Length];
            var budget = (10_000 + (i / Genres.Length * 37)).ToString(CultureInfo.InvariantCulture);
            requests.Add(new ScenarioRequest("browse-cold", 1, HttpRequestTemplate.Get(
                $"/api/pitches/browse/enhanced?genre={genre}&budgetMin={budget}&sort=date&order=desc&limit=24")));
        }

        return Task.FromResult(new ScenarioPlan(requests, [], []));
    }
}
