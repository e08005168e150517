using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// The <c>sessions</c> rows: first one live session per demo user (their tokens go to the
/// <see cref="SeedWorld"/>), then the plan's sessions for random users, a third of them expired.
/// </summary>
internal static class SessionsWriter
{
    private const string Copy = "COPY sessions (id, user_id, expires_at, created_at, ip_address, user_agent) FROM STDIN (FORMAT BINARY)";

    public static Task WriteAsync(NpgsqlConnection connection, SeedWorld world, CancellationToken cancellationToken) =>
        BinaryCopy.RunAsync(connection, Copy, writer => RowsAsync(writer, world, cancellationToken), cancellationToken);

    private static async Task RowsAsync(NpgsqlBinaryImporter writer, SeedWorld world, CancellationToken cancellationToken)
    {
        var random = new Random(world.Plan.Seed + 2);
        var tokens = new SessionTokens(world.Plan.HashedTokens);
        var demoUsers = world.DemoUsers();
        for (var i = 0; i < world.Plan.Sessions + demoUsers.Count; i++)
        {
            var token = tokens.Next();
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
                userId = world.AnyUser(random);
                expires = random.Next(3) == 0
                    ? world.Now.AddHours(-1 - (random.NextDouble() * 24 * 30))
                    : world.Now.AddHours(1 + (random.NextDouble() * 24 * 30));
            }

            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(tokens.Stored(token), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync((long)userId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(expires, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(expires.AddDays(-30), NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}"), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(SeedChoices.Any(random, SeedChoices.UserAgents), NpgsqlDbType.Text, cancellationToken);
        }
    }
}
