using System.CommandLine;

namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// <c>--pitches</c>, <c>--users</c>, <c>--sessions</c>, <c>--views</c>: the size of a data set, defined
/// here once for every verb that seeds. Each verb passes its own default scale (shown in its help) and
/// its smallest sensible number of pitches; the rest of the rule is the same everywhere: no negative
/// count, at least <see cref="SeedPlan.MinimumUsers"/> users.
/// </summary>
internal sealed class SeedPlanOptions
{
    public SeedPlanOptions(SeedPlan defaults, int minimumPitches)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        Pitches = Cli.CountOption.Create("--pitches", "pitches, owned by creators with a power-law skew", defaults.Pitches, minimumPitches);
        Users = Cli.CountOption.Create(
            "--users", "users: 40% creators, 25% investors, 15% production, 20% viewers", defaults.Users, SeedPlan.MinimumUsers);
        Sessions = Cli.CountOption.Create("--sessions", "sessions, a third of them expired", defaults.Sessions, 0);
        Views = Cli.CountOption.Create("--views", "rows of pitch_views", defaults.Views, 0);
    }

    public Option<int> Pitches { get; }

    public Option<int> Users { get; }

    public Option<int> Sessions { get; }

    public Option<int> Views { get; }

    public IEnumerable<Option> All => [Pitches, Users, Sessions, Views];

    /// <summary>
    /// <paramref name="scale"/> with every count given on the command line in place of its own; counts
    /// not given keep the scale's (so <c>--benchmark-scale --views 0</c> is the benchmark without views).
    /// </summary>
    public SeedPlan Apply(ParseResult parse, SeedPlan scale)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(scale);
        return scale with
        {
            Pitches = Given(parse, Pitches) ?? scale.Pitches,
            Users = Given(parse, Users) ?? scale.Users,
            Sessions = Given(parse, Sessions) ?? scale.Sessions,
            Views = Given(parse, Views) ?? scale.Views,
        };
    }

    private static int? Given(ParseResult parse, Option<int> option) =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : null;
}
