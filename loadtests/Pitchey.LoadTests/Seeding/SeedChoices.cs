namespace Pitchey.LoadTests.Seeding;

/// <summary>The skewed vocabularies of the generated rows: each value with its share in percent.</summary>
internal static class SeedChoices
{
    public static readonly (string Value, int Weight)[] Genres =
    [
        ("Drama", 25), ("Comedy", 18), ("Thriller", 12), ("Horror", 8), ("Sci-Fi", 8), ("Documentary", 7),
        ("Romance", 7), ("Action", 6), ("Animation", 4), ("Fantasy", 3), ("Mystery", 2),
    ];

    public static readonly (string Value, int Weight)[] Formats = [("Feature Film", 50), ("TV Series", 25), ("Short Film", 15), ("Web Series", 10)];

    public static readonly (string Value, int Weight)[] Stages =
        [("concept", 30), ("development", 30), ("pre-production", 15), ("production", 15), ("post-production", 10)];

    public static readonly (string Value, int Weight)[] Statuses = [("published", 80), ("draft", 12), ("archived", 8)];

    public static readonly (string Value, int Weight)[] Visibilities = [("public", 85), ("investors_only", 10), ("private", 5)];

    public static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jon", "Kemi", "Liam", "Maya", "Noah", "Olga", "Priya"];

    public static readonly string[] LastNames = ["Adams", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones", "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Patel"];

    public static readonly string[] UserAgents = ["Mozilla/5.0 (Macintosh)", "Mozilla/5.0 (Windows NT 10.0)", "Mozilla/5.0 (iPhone)", "Mozilla/5.0 (X11; Linux)"];

    /// <summary>A value drawn by weight (the weights add up to 100).</summary>
    public static string Pick(Random random, (string Value, int Weight)[] choices)
    {
        var roll = random.Next(100);
        foreach (var (value, weight) in choices)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    /// <summary>One of <paramref name="values"/>, uniformly.</summary>
    public static string Any(Random random, string[] values) => values[random.Next(values.Length)];
}
