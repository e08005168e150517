using Npgsql;
using Pitchey.Database.Queries;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// The real values the tuned endpoints are called with, drawn from the database before the run: the
/// genres and formats of published pitches with their frequencies, words of titles (the most frequent,
/// and rare ones), and which of <c>--tokens-file</c>'s session tokens are live and whose they are (the
/// table holds a token or, in hashed mode, its SHA-256: both are looked up).
/// </summary>
/// <param name="Genres">Genre and how many published public pitches have it, most first.</param>
/// <param name="Formats">Format and its count, most first.</param>
/// <param name="CommonWords">The most frequent title words and their counts (in the sample read).</param>
/// <param name="RareWords">Title words seen once or twice in the sample.</param>
/// <param name="SessionTokens">Live sessions' tokens of active users, from --tokens-file.</param>
/// <param name="CreatorTokens">Of those, the creators'.</param>
/// <param name="UnknownTokens">Tokens of the file with no live session (expired, or another data set).</param>
internal sealed record HotReadsParameters(
    IReadOnlyList<(string Value, long Count)> Genres,
    IReadOnlyList<(string Value, long Count)> Formats,
    IReadOnlyList<(string Word, long Count)> CommonWords,
    IReadOnlyList<string> RareWords,
    IReadOnlyList<string> SessionTokens,
    IReadOnlyList<string> CreatorTokens,
    int UnknownTokens)
{
    public const int CommonWordCount = 10;
    public const int RareWordCount = 30;

    /// <summary>Title words are counted over about this many published pitches (a table sample beyond it): enough for a frequency, cheap at 1M rows.</summary>
    public const int WordSampleRows = 50_000;

    public static async Task<HotReadsParameters> LoadAsync(NpgsqlDataSource database, string? tokensFile, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var genres = await CountsAsync(database, "genre", cancellationToken);
        var formats = await CountsAsync(database, "format", cancellationToken);
        var words = await WordsAsync(database, cancellationToken);
        var common = words.Take(CommonWordCount).ToList();
        var rare = words.Skip(CommonWordCount).Where(word => word.Count <= 2).Select(word => word.Word).ToArray();
        new Random(seed).Shuffle(rare);
        var (sessions, creators, unknown) = tokensFile is null ? ([], [], 0) : await TokensAsync(database, tokensFile, cancellationToken);
        return new HotReadsParameters(genres, formats, common, [.. rare.Take(RareWordCount)], sessions, creators, unknown);
    }

    private static async Task<List<(string, long)>> CountsAsync(NpgsqlDataSource database, string column, CancellationToken cancellationToken)
    {
        // The column is one of two names fixed above, never input.
        await using var command = database.CreateCommand(
            $"SELECT {column}, count(*) FROM pitches WHERE status = 'published' AND visibility = 'public' AND {column} IS NOT NULL " +
            $"GROUP BY {column} ORDER BY count(*) DESC, {column}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<(string, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return counts;
    }

    // Words of three letters or more that the search's 'english' configuration keeps (stop words give an empty query).
    private static async Task<List<(string Word, long Count)>> WordsAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """
            WITH size AS (SELECT greatest(reltuples, 1) AS rows FROM pg_class WHERE oid = 'pitches'::regclass),
            words AS (
                SELECT regexp_split_to_table(lower(title), '[^a-z]+') AS word
                FROM pitches TABLESAMPLE SYSTEM (least(100, 100.0 * $1 / (SELECT rows FROM size)))
                WHERE status = 'published' AND visibility = 'public')
            SELECT word, count(*) FROM words WHERE length(word) >= 3 GROUP BY word
            HAVING numnode(plainto_tsquery('english', word)) > 0
            ORDER BY count(*) DESC, word
            """);
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = WordSampleRows });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var words = new List<(string, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            words.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return words;
    }

    private static async Task<(List<string>, List<string>, int)> TokensAsync(NpgsqlDataSource database, string file, CancellationToken cancellationToken)
    {
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(file, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"--tokens-file {file} cannot be read ({exception.GetType().Name})");
        }

        var tokens = lines.Select(line => line.Trim()).Where(line => line.Length is > 0 and <= SessionQuery.MaxTokenLength).Distinct(StringComparer.Ordinal).ToList();
        var byStored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            byStored[token] = token;
            byStored[SessionQuery.HashToken(token)] = token;
        }

        await using var command = database.CreateCommand(
            "SELECT s.id, u.user_type FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ANY($1) AND s.expires_at > now() + interval '5 minutes' AND u.is_active");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. byStored.Keys] });
        var live = new List<string>();
        var creators = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var token = byStored[reader.GetString(0)];
            live.Add(token);
            if (reader.GetString(1) == "creator")
            {
                creators.Add(token);
            }
        }

        // In the file's order (creators first in the demo's), whatever order the database answered in.
        var order = tokens.Select((token, index) => (token, index)).ToDictionary(entry => entry.token, entry => entry.index, StringComparer.Ordinal);
        live.Sort((a, b) => order[a].CompareTo(order[b]));
        creators.Sort((a, b) => order[a].CompareTo(order[b]));
        return (live, creators, tokens.Count - live.Count);
    }
}
