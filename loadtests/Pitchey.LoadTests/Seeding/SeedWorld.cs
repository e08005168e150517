namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// Who is who, decided up front so every table's rows agree with each other: each user's type and
/// activity, each pitch's owner. The table writers draw from it; the session writer adds the demo's tokens.
/// </summary>
internal sealed class SeedWorld
{
    private const int DemoCreatorTokens = 5;
    private const int DemoOtherTokens = 3;

    private readonly int[] _creators;
    private readonly int[] _investors;

    public SeedWorld(SeedPlan plan, DateTime now)
    {
        Plan = plan;
        Now = now;
        var random = new Random(plan.Seed + 100);
        UserTypes = new string[plan.Users + 1];
        Active = new bool[plan.Users + 1];
        var creators = new List<int>();
        var investors = new List<int>();
        for (var id = 1; id <= plan.Users; id++)
        {
            var roll = random.Next(100);
            UserTypes[id] = roll < 40 ? "creator" : roll < 65 ? "investor" : roll < 80 ? "production" : "viewer";
            Active[id] = random.Next(50) != 0;
            (UserTypes[id] == "creator" ? creators : UserTypes[id] == "investor" ? investors : null)?.Add(id);
        }

        if (creators.Count == 0 || investors.Count == 0)
        {
            // Tiny plans: make sure both kinds exist.
            UserTypes[1] = "creator";
            UserTypes[2] = "investor";
            creators = [1, .. creators.Where(id => id != 2)];
            investors = [2, .. investors.Where(id => id != 1)];
        }

        _creators = [.. creators];
        _investors = [.. investors];
        PitchOwners = new int[plan.Pitches + 1];
        for (var id = 1; id <= plan.Pitches; id++)
        {
            PitchOwners[id] = PopularCreator(random);
        }
    }

    public SeedPlan Plan { get; }

    public DateTime Now { get; }

    public string[] UserTypes { get; }

    public bool[] Active { get; }

    public int[] PitchOwners { get; }

    public List<string> CreatorTokens { get; } = [];

    public List<string> OtherTokens { get; } = [];

    /// <summary>A creator, prolific ones (low indexes) far more often: output follows a power law.</summary>
    public int PopularCreator(Random random) => _creators[(int)(_creators.Length * Math.Pow(random.NextDouble(), 2))];

    public int Investor(Random random) => _investors[random.Next(_investors.Length)];

    /// <summary>A pitch id with a power-law skew towards a few popular pitches.</summary>
    public int PopularPitch(Random random) => 1 + (int)(Plan.Pitches * Math.Pow(random.NextDouble(), 3));

    /// <summary>A user id, uniformly.</summary>
    public int AnyUser(Random random) => 1 + random.Next(Plan.Users);

    /// <summary>The users whose live sessions become the demo's tokens: active creators first, then investors.</summary>
    public List<(int UserId, bool Creator)> DemoUsers()
    {
        var chosen = new List<(int, bool)>();
        chosen.AddRange(_creators.Where(id => Active[id]).Take(DemoCreatorTokens).Select(id => (id, true)));
        chosen.AddRange(_investors.Where(id => Active[id]).Take(DemoOtherTokens).Select(id => (id, false)));
        return chosen;
    }
}
