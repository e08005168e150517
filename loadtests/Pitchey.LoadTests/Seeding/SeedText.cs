using System.Text;

namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// Words for titles, loglines and descriptions with a Zipf distribution over a 20,000-word
/// vocabulary: a few words are everywhere (the "very common term" case of search) and most are rare
/// (the "selective term" case), as in real text.
/// </summary>
public sealed class SeedText
{
    /// <summary>Real words first (the frequent ranks), then made-up ones for the long tail.</summary>
    private static readonly string[] CommonWords =
    [
        "story", "love", "family", "city", "secret", "war", "night", "journey", "world", "life", "house", "dream",
        "murder", "detective", "mother", "father", "daughter", "son", "brother", "sister", "friend", "enemy", "town",
        "island", "ocean", "river", "mountain", "desert", "forest", "space", "planet", "ship", "train", "road", "border",
        "crime", "heist", "revenge", "betrayal", "hope", "fear", "truth", "lie", "power", "money", "music", "dance",
        "school", "hospital", "prison", "church", "court", "election", "empire", "kingdom", "village", "farm", "storm",
        "winter", "summer", "fire", "water", "ghost", "monster", "robot", "machine", "signal", "code", "spy", "agent",
        "soldier", "doctor", "lawyer", "teacher", "artist", "chef", "pilot", "captain", "king", "queen", "prince",
        "witch", "vampire", "hunter", "thief", "stranger", "survivor", "rebel", "legend", "memory", "future", "past",
        "midnight", "golden", "silent", "broken", "hidden", "electric", "northern", "last", "first", "lost", "dark",
        "bright", "wild", "quiet", "burning", "frozen", "endless", "final", "young", "old", "new", "strange", "small",
        "harbor", "garden", "frontier", "orchard", "protocol", "kitchen", "festival", "wedding", "funeral", "reunion",
        "escape", "rescue", "mission", "contract", "inheritance", "scandal", "conspiracy", "experiment", "outbreak",
        "invasion", "expedition", "tournament", "championship", "startup", "fortune", "miracle", "curse", "prophecy",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "te", "vo", "zu", "shi", "ne", "po", "da", "fe", "gri", "ul", "mar", "tor", "ven",
        "bel", "cas", "dor", "el", "fin", "gal", "hal", "ist", "jor", "kel", "lun", "mor", "nis", "or", "pel",
    ];

    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    public SeedText(int vocabularySize = 20_000)
    {
        var words = new List<string>(vocabularySize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in CommonWords)
        {
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }

        for (var i = 0; words.Count < vocabularySize; i++)
        {
            // Three or four syllables, deterministic: word i spells i in base 32.
            var n = i;
            var builder = new StringBuilder(12);
            for (var s = 0; s < 3 || n > 0; s++)
            {
                builder.Append(Syllables[n % Syllables.Length]);
                n /= Syllables.Length;
            }

            var made = builder.ToString();
            if (seen.Add(made))
            {
                words.Add(made);
            }
        }

        _vocabulary = [.. words];
        _cumulative = new double[_vocabulary.Length];
        double sum = 0;
        for (var rank = 0; rank < _vocabulary.Length; rank++)
        {
            sum += 1.0 / (rank + 1);
            _cumulative[rank] = sum;
        }

        for (var rank = 0; rank < _cumulative.Length; rank++)
        {
            _cumulative[rank] /= sum;
        }
    }

    /// <summary>The word at a frequency rank (0 = most common); the benchmark searches for chosen ranks.</summary>
    public string WordAt(int rank) => _vocabulary[rank];

    public string Word(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _vocabulary[index < 0 ? Math.Min(~index, _vocabulary.Length - 1) : index];
    }

    public string Sentence(Random random, StringBuilder buffer, int minWords, int maxWords, bool capitalise)
    {
        buffer.Clear();
        var count = random.Next(minWords, maxWords + 1);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                buffer.Append(' ');
            }

            var word = Word(random);
            if (capitalise || i == 0)
            {
                buffer.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                buffer.Append(word);
            }
        }

        return buffer.ToString();
    }
}
