using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.Queries;

namespace Pitchey.Database.Seeding;

/// <summary>
/// Generates a realistic, skewed data set (popular genres, power-law views and creator output,
/// three years of dates, a third of sessions expired) and loads it with binary COPY, the fastest
/// way into PostgreSQL: no SQL parsing per row, no text conversion. Independent tables load on two
/// connections at once. Ids are assigned here (1..n) so related rows can refer to them without a
/// round trip; identity sequences are moved past them at the end.
/// </summary>
public sealed class DataSeeder(NpgsqlDataSource dataSource, TimeProvider time, Action<string>? progress = null)
{
    private const int DemoCreatorTokens = 5;
    private const int DemoOtherTokens = 3;

    private static readonly string[] Tables = ["investments", "nda_requests", "ndas", "follows", "pitch_views", "sessions", "pitches", "users"];
    private static readonly (string Value, int Weight)[] Genres =
    [
        ("Drama", 25), ("Comedy", 18), ("Thriller", 12), ("Horror", 8), ("Sci-Fi", 8), ("Documentary", 7),
        ("Romance", 7), ("Action", 6), ("Animation", 4), ("Fantasy", 3), ("Mystery", 2),
    ];

    private static readonly (string Value, int Weight)[] Formats = [("Feature Film", 50), ("TV Series", 25), ("Short Film", 15), ("Web Series", 10)];
    private static readonly (string Value, int Weight)[] Stages =
        [("concept", 30), ("development", 30), ("pre-production", 15), ("production", 15), ("post-production", 10)];

    private static readonly (string Value, int Weight)[] Statuses = [("published", 80), ("draft", 12), ("archived", 8)];
    private static readonly (string Value, int Weight)[] Visibilities = [("public", 85), ("investors_only", 10), ("private", 5)];
    private static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jon", "Kemi", "Liam", "Maya", "Noah", "Olga", "Priya"];
    private static readonly string[] LastNames = ["Adams", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones", "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Patel"];
    private static readonly string[] UserAgents = ["Mozilla/5.0 (Macintosh)", "Mozilla/5.0 (Windows NT 10.0)", "Mozilla/5.0 (iPhone)", "Mozilla/5.0 (X11; Linux)"];

    /// <summary>True when <c>users</c> already holds rows (the verb refuses to mix data sets).</summary>
    public async Task<bool> HasDataAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM pitches)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Empties every seeded table (TRUNCATE ... RESTART IDENTITY CASCADE).</summary>
    public async Task TruncateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"TRUNCATE {string.Join(", ", Tables)} RESTART IDENTITY CASCADE");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SeedResult> RunAsync(SeedPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Users < 10 || plan.Pitches < 0 || plan.Sessions < 0 || plan.Views < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(plan), "a seed needs at least 10 users and no negative counts");
        }

        var total = Stopwatch.StartNew();
        var now = time.GetUtcNow().UtcDateTime;
        var steps = new List<(string, long, TimeSpan)>();
        var world = new World(plan, now);

        steps.Add(await TimedAsync("users", plan.Users, ct => CopyUsersAsync(world, ct), cancellationToken));
        var group = await Task.WhenAll(
            TimedAsync("pitches", plan.Pitches, ct => CopyPitchesAsync(world, ct), cancellationToken),
            TimedAsync("sessions", plan.Sessions, ct => CopySessionsAsync(world, ct), cancellationToken));
        steps.AddRange(group);
        group = await Task.WhenAll(
            TimedAsync("pitch_views", plan.Views, ct => CopyViewsAsync(world, ct), cancellationToken),
            TimedAsync("follows, ndas, nda_requests, investments", plan.Follows + plan.Ndas + plan.NdaRequests + plan.Investments,
                ct => CopyRelationsAsync(world, ct), cancellationToken));
        steps.AddRange(group);
        steps.Add(await TimedAsync("sequences and VACUUM ANALYZE", 0, FinishAsync, cancellationToken));
        return new SeedResult(world.CreatorTokens, world.OtherTokens, steps, total.Elapsed);
    }

    private async Task<(string, long, TimeSpan)> TimedAsync(string name, long rows, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await step(cancellationToken);
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"seed: {name}: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s"));
        return (name, rows, watch.Elapsed);
    }

    private async Task CopyUsersAsync(World world, CancellationToken cancellationToken)
    {
        var random = new Random(world.Plan.Seed);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY users (id, email, username, password_hash, user_type, first_name, last_name, company_name, company_verified, " +
            "bio, is_active, email_verified, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var id = 1; id <= world.Plan.Users; id++)
        {
            var type = world.UserTypes[id];
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync((long)id, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"user{id}@seed.pitchey.local"), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"user{id}"), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync("seed-not-a-real-hash", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(type, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(FirstNames[random.Next(FirstNames.Length)], NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(LastNames[random.Next(LastNames.Length)], NpgsqlDbType.Text, cancellationToken);
            var company = type != "viewer" && random.Next(3) == 0;
            if (company)
            {
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Studio {id}"), NpgsqlDbType.Text, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }

            await writer.WriteAsync(company && random.Next(2) == 0, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"A {type} on Pitchey since year {1 + (id % 3)}."), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(world.Active[id], NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(random.Next(10) != 0, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(world.Now.AddDays(-random.NextDouble() * 3 * 365), NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task CopyPitchesAsync(World world, CancellationToken cancellationToken)
    {
        var random = new Random(world.Plan.Seed + 1);
        var text = new SeedText();
        var buffer = new StringBuilder(512);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY pitches (id, user_id, title, logline, description, genre, format, production_stage, status, visibility, require_nda, " +
            "estimated_budget, view_count, like_count, created_at, updated_at, published_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var id = 1; id <= world.Plan.Pitches; id++)
        {
            var status = Pick(random, Statuses);
            // Recent dates are more common: the platform grows.
            var created = world.Now.AddDays(-3 * 365 * Math.Pow(random.NextDouble(), 1.5)).AddMilliseconds(-random.Next(1000));
            var views = (int)Math.Min(2_000_000, 5 * Math.Pow(1 - random.NextDouble(), -1 / 1.2));
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync((long)id, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync((long)world.PitchOwners[id], NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(text.Sentence(random, buffer, 2, 4, capitalise: true), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(text.Sentence(random, buffer, 8, 14, capitalise: false) + ".", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(text.Sentence(random, buffer, 25, 40, capitalise: false) + ".", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(Pick(random, Genres), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(Pick(random, Formats), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(Pick(random, Stages), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(status, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(Pick(random, Visibilities), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(random.Next(100) < 15, NpgsqlDbType.Boolean, cancellationToken);
            if (random.Next(20) == 0)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                // Log-uniform between 10 thousand and 50 million.
                var budget = Math.Round((decimal)Math.Exp(Math.Log(10_000) + (random.NextDouble() * Math.Log(5_000))), 2);
                await writer.WriteAsync(budget, NpgsqlDbType.Numeric, cancellationToken);
            }

            await writer.WriteAsync(views, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync((int)(views * random.NextDouble() * 0.1), NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(created.AddHours(random.Next(72)), NpgsqlDbType.TimestampTz, cancellationToken);
            if (status == "published")
            {
                await writer.WriteAsync(created.AddHours(random.Next(48)), NpgsqlDbType.TimestampTz, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task CopySessionsAsync(World world, CancellationToken cancellationToken)
    {
        var random = new Random(world.Plan.Seed + 2);
        var tokenBytes = new byte[24];
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY sessions (id, user_id, expires_at, created_at, ip_address, user_agent) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var demoUsers = world.DemoUsers();
        for (var i = 0; i < world.Plan.Sessions + demoUsers.Count; i++)
        {
            RandomNumberGenerator.Fill(tokenBytes);
            var token = Base64Url.EncodeToString(tokenBytes);
            int userId;
            DateTime expires;
            if (i < demoUsers.Count)
            {
                // The demo's tokens: live sessions of active creators first, then investors.
                (userId, var creator) = demoUsers[i];
                expires = world.Now.AddDays(30);
                (creator ? world.CreatorTokens : world.OtherTokens).Add(token);
            }
            else
            {
                userId = 1 + random.Next(world.Plan.Users);
                expires = random.Next(3) == 0
                    ? world.Now.AddHours(-1 - (random.NextDouble() * 24 * 30))
                    : world.Now.AddHours(1 + (random.NextDouble() * 24 * 30));
            }

            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(world.Plan.HashedTokens ? SessionQuery.HashToken(token) : token, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync((long)userId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(expires, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(expires.AddDays(-30), NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}"), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(UserAgents[random.Next(UserAgents.Length)], NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task CopyViewsAsync(World world, CancellationToken cancellationToken)
    {
        if (world.Plan.Pitches == 0)
        {
            return;
        }

        var random = new Random(world.Plan.Seed + 3);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY pitch_views (pitch_id, viewer_id, viewed_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < world.Plan.Views; i++)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync((long)world.PopularPitch(random), NpgsqlDbType.Bigint, cancellationToken);
            if (random.Next(10) < 3)
            {
                await writer.WriteNullAsync(cancellationToken); // anonymous visitor
            }
            else
            {
                await writer.WriteAsync((long)(1 + random.Next(world.Plan.Users)), NpgsqlDbType.Bigint, cancellationToken);
            }

            await writer.WriteAsync(world.Now.AddMinutes(-random.NextDouble() * 365 * 24 * 60), NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task CopyRelationsAsync(World world, CancellationToken cancellationToken)
    {
        var random = new Random(world.Plan.Seed + 4);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY follows (follower_id, following_id, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var targets = new HashSet<int>();
            var remaining = world.Plan.Follows;
            for (var follower = 1; follower <= world.Plan.Users && remaining > 0; follower++)
            {
                targets.Clear();
                var count = Math.Min(remaining, (int)(14 * random.NextDouble() * random.NextDouble() * 2));
                for (var attempt = 0; attempt < count * 2 && targets.Count < count; attempt++)
                {
                    var target = world.PopularCreator(random);
                    if (target != follower && targets.Add(target))
                    {
                        await writer.StartRowAsync(cancellationToken);
                        await writer.WriteAsync((long)follower, NpgsqlDbType.Bigint, cancellationToken);
                        await writer.WriteAsync((long)target, NpgsqlDbType.Bigint, cancellationToken);
                        await writer.WriteAsync(world.Now.AddDays(-random.NextDouble() * 700), NpgsqlDbType.TimestampTz, cancellationToken);
                        remaining--;
                    }
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        if (world.Plan.Pitches == 0)
        {
            return;
        }

        string[] ndaStatuses = ["pending", "approved", "signed", "rejected", "expired"];
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY ndas (pitch_id, signer_id, status, access_granted, signed_at, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < world.Plan.Ndas; i++)
            {
                var status = ndaStatuses[random.Next(ndaStatuses.Length)];
                var created = world.Now.AddDays(-random.NextDouble() * 700);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync((long)world.PopularPitch(random), NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync((long)(1 + random.Next(world.Plan.Users)), NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(status, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(status is "approved" or "signed", NpgsqlDbType.Boolean, cancellationToken);
                if (status == "signed")
                {
                    await writer.WriteAsync(created.AddDays(2), NpgsqlDbType.TimestampTz, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }

                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        string[] requestStatuses = ["pending", "pending", "approved", "approved", "rejected"];
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY nda_requests (pitch_id, requester_id, owner_id, status, requested_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < world.Plan.NdaRequests; i++)
            {
                var pitch = world.PopularPitch(random);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync((long)pitch, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync((long)(1 + random.Next(world.Plan.Users)), NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync((long)world.PitchOwners[pitch], NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(requestStatuses[random.Next(requestStatuses.Length)], NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(world.Now.AddDays(-random.NextDouble() * 700), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        string[] investmentStatuses = ["pending", "active", "active", "completed"];
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY investments (pitch_id, investor_id, amount, status, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < world.Plan.Investments; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync((long)world.PopularPitch(random), NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync((long)world.Investor(random), NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(Math.Round((decimal)Math.Exp(Math.Log(1_000) + (random.NextDouble() * Math.Log(1_000))), 2), NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(investmentStatuses[random.Next(investmentStatuses.Length)], NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(world.Now.AddDays(-random.NextDouble() * 700), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }
    }

    private async Task FinishAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var table in (string[])["users", "pitches", "ndas", "nda_requests", "pitch_views", "investments"])
        {
            await using var command = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 0) + 1, false)", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // VACUUM sets the visibility map (index-only scans) and ANALYZE gives the planner the skew.
        await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Pick(Random random, (string Value, int Weight)[] choices)
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

    /// <summary>Who is who, decided up front so every table's rows agree with each other.</summary>
    private sealed class World
    {
        public World(SeedPlan plan, DateTime now)
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

        private readonly int[] _creators;
        private readonly int[] _investors;

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

        public List<(int UserId, bool Creator)> DemoUsers()
        {
            var chosen = new List<(int, bool)>();
            chosen.AddRange(_creators.Where(id => Active[id]).Take(DemoCreatorTokens).Select(id => (id, true)));
            chosen.AddRange(_investors.Where(id => Active[id]).Take(DemoOtherTokens).Select(id => (id, false)));
            return chosen;
        }
    }
}
