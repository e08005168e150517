using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Pitchey.LoadTests.Seeding;

/// <summary>The <c>users</c> rows: ids 1..n, types and activity from the <see cref="SeedWorld"/>.</summary>
internal static class UsersWriter
{
    private const string Copy =
        "COPY users (id, email, username, password_hash, user_type, first_name, last_name, company_name, company_verified, " +
        "bio, is_active, email_verified, created_at) FROM STDIN (FORMAT BINARY)";

    public static Task WriteAsync(NpgsqlConnection connection, SeedWorld world, CancellationToken cancellationToken) =>
        BinaryCopy.RunAsync(connection, Copy, writer => RowsAsync(writer, world, cancellationToken), cancellationToken);

    private static async Task RowsAsync(NpgsqlBinaryImporter writer, SeedWorld world, CancellationToken cancellationToken)
    {
        var random = new Random(world.Plan.Seed);
        for (var id = 1; id <= world.Plan.Users; id++)
        {
            var type = world.UserTypes[id];
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync((long)id, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"user{id}@seed.pitchey.local"), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"user{id}"), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync("seed-not-a-real-hash", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(type, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(SeedChoices.Any(random, SeedChoices.FirstNames), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(SeedChoices.Any(random, SeedChoices.LastNames), NpgsqlDbType.Text, cancellationToken);
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
    }
}
