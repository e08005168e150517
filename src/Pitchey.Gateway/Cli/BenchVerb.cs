using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pitchey.Database.Queries;
using Pitchey.Database.Routing;
using Pitchey.Database.Seeding;

using Pitchey.Gateway.Configuration;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// <c>bench</c>: seeds a database (default 1,000,000 pitches), runs every tuned query many times
/// without the index strategy and then with it, and prints median and p99 per query and the ratio.
/// <code>
/// bench --connection CS [--pitches N] [--users N] [--sessions N] [--views N] [--iterations N] [--skip-seed] [--skip-unindexed] [--out FILE]
/// </code>
/// Times are per call of the query code the gateway runs, on an open pooled connection over
/// loopback: server execution plus one round trip and decoding (an upper bound of server time).
/// The database should be empty unless --skip-seed is given (then its data is used as it is).
/// </summary>
internal static partial class BenchVerb
{
    public const string Name = "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"bench: {error}\nusage: bench --connection CS [--pitches N] [--users N] [--sessions N] [--views N] [--iterations N] [--skip-seed] [--skip-unindexed] [--out FILE]");
            return ExitCodes.Usage;
        }

        var connection = CliDatabase.ConnectionString(options.Connection, GatewayConfiguration.ForVerbs(configDir: null));
        if (string.IsNullOrWhiteSpace(connection))
        {
            await Console.Error.WriteLineAsync("bench: no database: pass --connection or set Database:Primary (environment: Database__Primary)");
            return ExitCodes.Usage;
        }

        var indexFile = Path.Combine(AppContext.BaseDirectory, "config", "sql", "indexes.sql");
        var statements = IndexStatements(await File.ReadAllTextAsync(indexFile));
        await using var dataSource = CliDatabase.TryCreate(
            connection, options.Connection is not null, "pitchey-bench", unboundedCommands: true, out var invalid);
        if (dataSource is null)
        {
            await Console.Error.WriteLineAsync($"bench: {invalid}");
            return ExitCodes.Config;
        }

        var plan = options.Plan;
        if (!options.SkipSeed)
        {
            var seeder = new DataSeeder(dataSource, TimeProvider.System, Console.WriteLine);
            if (await seeder.HasDataAsync(CancellationToken.None))
            {
                // Checked before anything is dropped: a database with data keeps its indexes.
                await Console.Error.WriteLineAsync("bench: the database already has data; empty it or pass --skip-seed");
                return ExitCodes.DataError;
            }

            // Seeding into a table without secondary indexes is much faster; the indexes come later.
            // The seeder ends with VACUUM (ANALYZE), so the unindexed run needs nothing more.
            await DropIndexesAsync(dataSource, statements);
            var seeded = await seeder.RunAsync(plan, CancellationToken.None);
            Console.WriteLine(Invariant($"bench: seeded in {seeded.Elapsed.TotalSeconds:F0} s"));
        }
        else
        {
            await DropIndexesAsync(dataSource, statements);
            await ExecuteAsync(dataSource, "ANALYZE");
        }

        var scenarios = await ScenariosAsync(dataSource);
        List<(string Name, Timing Timing)>? without = null;
        if (!options.SkipUnindexed)
        {
            Console.WriteLine("bench: without the index strategy");
            without = await MeasureAsync(scenarios, Math.Max(10, options.Iterations / 10));
        }

        var watch = Stopwatch.StartNew();
        foreach (var statement in statements)
        {
            await ExecuteAsync(dataSource, statement);
        }

        await ExecuteAsync(dataSource, "VACUUM (ANALYZE)");
        Console.WriteLine(Invariant($"bench: index strategy built in {watch.Elapsed.TotalSeconds:F0} s ({statements.Count} indexes)"));
        Console.WriteLine("bench: with the index strategy");
        var with = await MeasureAsync(scenarios, options.Iterations);

        var report = Report(await ScaleAsync(dataSource), options, without, with);
        Console.WriteLine(report);
        if (options.Out is { } path)
        {
            await File.WriteAllTextAsync(path, report);
        }

        return 0;
    }

    private sealed record Options(SeedPlan Plan, string? Connection, int Iterations, bool SkipSeed, bool SkipUnindexed, string? Out);

    private sealed record Scenario(string Name, Func<Task> Run, bool NeedsIndexes = true);

    private sealed record Timing(double MedianMs, double P99Ms, int Runs);

    private static async Task<List<Scenario>> ScenariosAsync(NpgsqlDataSource dataSource)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new TunedQueryOptions { SessionCacheTtl = TimeSpan.Zero });
        var browse = new BrowseQuery(options, TimeProvider.System);
        var search = new SearchQuery(options);
        var sessions = new SessionQuery(options, TimeProvider.System);
        var cachedSessions = new SessionQuery(Microsoft.Extensions.Options.Options.Create(new TunedQueryOptions { SessionCacheTtl = TimeSpan.FromMinutes(10) }), TimeProvider.System);
        var dashboard = new CreatorDashboardQuery();
        var router = new BenchRouter(dataSource);
        var stats = new PlatformStatsSnapshot(router, options, TimeProvider.System, NullLogger<PlatformStatsSnapshot>.Instance);
        var none = new BrowseFilter(null, null, null, null, null);
        var drama = none with { Genre = "Drama" };

        // A cursor in the middle of the whole list: "a page at any depth".
        var visible = await ScalarAsync<long>(dataSource, "SELECT count(*) FROM pitches WHERE status = 'published' AND visibility = 'public'");
        var (cursorAt, cursorId) = await RowAsync(dataSource,
            "SELECT created_at, id FROM pitches WHERE status = 'published' AND visibility = 'public' ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1",
            visible / 2);
        var deep = new BrowseCursor(BrowseSort.Date, true, cursorAt.Ticks, cursorId, visible / 2);
        var selective = await SelectiveWordAsync(dataSource);
        var common = new SeedText().WordAt(0);
        var token = await ScalarAsync<string>(dataSource,
            "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.expires_at > now() + interval '1 day' AND u.is_active LIMIT 1");
        var typicalCreator = await ScalarAsync<long>(dataSource,
            "SELECT user_id FROM pitches GROUP BY user_id ORDER BY count(*) DESC, user_id OFFSET (SELECT count(DISTINCT user_id) / 2 FROM pitches) LIMIT 1");
        var busyCreator = await ScalarAsync<long>(dataSource, "SELECT user_id FROM pitches GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1");
        await Connected(dataSource, c => cachedSessions.LoadAsync(c, token, CancellationToken.None));

        return
        [
            new("browse: first page (date desc, limit 24)", () => Connected(dataSource, c => browse.RunAsync(c, new BrowseRequest(none, BrowseSort.Date, true, 24, 0, null), default))),
            new("browse: frontend call (Drama, date desc, offset 48)", () => Connected(dataSource, c => browse.RunAsync(c, new BrowseRequest(drama, BrowseSort.Date, true, 24, 48, null), default))),
            new("browse: offset 1000 (views desc)", () => Connected(dataSource, c => browse.RunAsync(c, new BrowseRequest(none, BrowseSort.Views, true, 24, 1000, null), default))),
            new(Invariant($"browse: cursor page at depth {visible / 2:N0} (date desc)"), () => Connected(dataSource, c => browse.RunAsync(c, new BrowseRequest(none, BrowseSort.Date, true, 24, 0, deep), default))),
            new(Invariant($"search: selective term '{selective}'"), () => Connected(dataSource, c => search.RunAsync(c, new SearchRequest(selective, null, null, 20, 0), default))),
            new(Invariant($"search: very common term '{common}' (bounded)"), () => Connected(dataSource, c => search.RunAsync(c, new SearchRequest(common, null, null, 20, 0), default))),
            new("session: lookup in the database", () => Connected(dataSource, c => sessions.LoadAsync(c, token, default))),
            new("session: served from the cache", () => { cachedSessions.TryGetCached(token, out _); return Task.CompletedTask; }),
            new("creator dashboard: typical creator", () => Connected(dataSource, c => dashboard.RunAsync(c, typicalCreator, default))),
            new("creator dashboard: busiest creator", () => Connected(dataSource, c => dashboard.RunAsync(c, busyCreator, default))),
            new("platform stats: served from the snapshot", async () => await stats.GetAsync(default)),
        ];
    }

    private static async Task<List<(string Name, Timing Timing)>> MeasureAsync(List<Scenario> scenarios, int iterations)
    {
        var results = new List<(string, Timing)>();
        foreach (var scenario in scenarios)
        {
            for (var i = 0; i < 3; i++)
            {
                await scenario.Run(); // warm-up: prepare, caches, snapshot
            }

            var samples = new double[iterations];
            for (var i = 0; i < iterations; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await scenario.Run();
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(samples);
            var timing = new Timing(samples[iterations / 2], samples[Math.Max(0, (int)Math.Ceiling(iterations * 0.99) - 1)], iterations);
            Console.WriteLine(Invariant($"  {scenario.Name}: median {timing.MedianMs:F3} ms, p99 {timing.P99Ms:F3} ms ({iterations} runs)"));
            results.Add((scenario.Name, timing));
        }

        return results;
    }

    private static string Report(string scale, Options options, List<(string Name, Timing Timing)>? without, List<(string Name, Timing Timing)> with)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Data: {scale}. Runs per query: {with[0].Timing.Runs} with indexes, {without?[0].Timing.Runs ?? 0} without."));
        text.AppendLine();
        text.AppendLine("| query | without indexes: median / p99 (ms) | with indexes: median / p99 (ms) | speed-up (median) |");
        text.AppendLine("|---|---:|---:|---:|");
        for (var i = 0; i < with.Count; i++)
        {
            var after = with[i].Timing;
            if (without is null)
            {
                text.AppendLine(Invariant($"| {with[i].Name} | not measured | {after.MedianMs:F3} / {after.P99Ms:F3} | |"));
                continue;
            }

            var before = without[i].Timing;
            text.AppendLine(Invariant(
                $"| {with[i].Name} | {before.MedianMs:F3} / {before.P99Ms:F3} | {after.MedianMs:F3} / {after.P99Ms:F3} | {before.MedianMs / Math.Max(after.MedianMs, 0.0001):F0}x |"));
        }

        return text.ToString();
    }

    private static async Task<string> ScaleAsync(NpgsqlDataSource dataSource) =>
        await ScalarAsync<string>(dataSource,
            "SELECT format('%s pitches, %s users, %s sessions, %s pitch views', " +
            "(SELECT count(*) FROM pitches), (SELECT count(*) FROM users), (SELECT count(*) FROM sessions), (SELECT count(*) FROM pitch_views))");

    private static async Task<string> SelectiveWordAsync(NpgsqlDataSource dataSource)
    {
        var text = new SeedText();
        foreach (var rank in new[] { 15_000, 10_000, 6_000, 3_000, 1_000, 19_000 })
        {
            var word = text.WordAt(rank);
            var count = await ScalarAsync<long>(dataSource,
                "SELECT count(*) FROM pitches WHERE search_vector @@ websearch_to_tsquery('english', $1) AND status = 'published' AND visibility = 'public'", word);
            if (count is >= 20 and <= 1_000)
            {
                return word;
            }
        }

        return text.WordAt(10_000);
    }

    private static async Task DropIndexesAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> statements)
    {
        foreach (var statement in statements)
        {
            var name = IndexName().Match(statement).Groups[1].Value;
            await ExecuteAsync(dataSource, $"DROP INDEX IF EXISTS {name}");
        }
    }

    private static List<string> IndexStatements(string script)
    {
        var lines = script.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal));
        return [.. string.Join('\n', lines).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    [GeneratedRegex(@"IF NOT EXISTS\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex IndexName();

    private static async Task Connected<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> work)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await work(connection);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(DateTime, long)> RowAsync(NpgsqlDataSource dataSource, string sql, long offset)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<DateTime>(0), reader.GetInt64(1));
    }

    private static bool TryParse(string[] args, out Options options, out string? error)
    {
        options = null!;
        var plan = SeedPlan.Benchmark;
        string? connection = null;
        var iterations = 200;
        var skipSeed = false;
        var skipUnindexed = false;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--skip-seed")
            {
                skipSeed = true;
                continue;
            }

            if (args[i] == "--skip-unindexed")
            {
                skipUnindexed = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{args[i]} needs a value";
                return false;
            }

            var name = args[i];
            var value = args[++i];
            if (name is "--connection")
            {
                connection = value;
                continue;
            }

            if (name is "--out")
            {
                output = value;
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                error = $"{name} must be a positive integer, got '{value}'";
                return false;
            }

            switch (name)
            {
                case "--pitches": plan = plan with { Pitches = number }; break;
                case "--users": plan = plan with { Users = Math.Max(10, number) }; break;
                case "--sessions": plan = plan with { Sessions = number }; break;
                case "--views": plan = plan with { Views = number }; break;
                case "--iterations": iterations = number; break;
                default:
                    error = $"unknown option '{name}'";
                    return false;
            }
        }

        options = new Options(plan, connection, iterations, skipSeed, skipUnindexed, output);
        error = null;
        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Everything on the one benchmark database: routing is not what is measured.</summary>
    private sealed class BenchRouter(NpgsqlDataSource dataSource) : IDatabaseRouter
    {
        private readonly Pitchey.Database.DataSources.DatabaseHost _host = new("bench", "bench", dataSource);

        public async Task<RoutedResult<T>> ReadAsync<T>(string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> read, ReadOptions? options = null, CancellationToken cancellationToken = default)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return new RoutedResult<T>(await read(connection, cancellationToken), _host, false);
        }

        public Task<RoutedResult<T>> WriteAsync<T>(string queryName, Func<NpgsqlConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default) =>
            ReadAsync(queryName, write, null, cancellationToken);
    }
}
