using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// The <c>pitches</c> rows: Zipf-distributed text, weighted genres and statuses, power-law views,
/// three years of dates weighted towards recent ones.
/// </summary>
internal static class PitchesWriter
{
    private const string Copy =
        "COPY pitches (id, user_id, title, logline, description, genre, format, production_stage, status, visibility, require_nda, " +
        "estimated_budget, view_count, like_count, created_at, updated_at, published_at) FROM STDIN (FORMAT BINARY)";

    public static Task WriteAsync(NpgsqlConnection connection, SeedWorld world, CancellationToken cancellationToken) =>
        BinaryCopy.RunAsync(connection, Copy, writer => RowsAsync(writer, world, cancellationToken), cancellationToken);

    private static async Task RowsAsync(NpgsqlBinaryImporter writer, SeedWorld world, CancellationToken cancellationToken)
    {
        var random = new Random(world.Plan.Seed + 1);
        var text = new SeedText();
        var buffer = new StringBuilder(512);
        for (var id = 1; id <= world.Plan.Pitches; id++)
        {
            var status = SeedChoices.Pick(random, SeedChoices.Statuses);
            // Recent dates are more common: the platform grows.
            var created = world.Now.AddDays(-3 * 365 * Math.Pow(random.NextDouble(), 1.5)).AddMilliseconds(-random.Next(1000));
            var views = (int)Math.Min(2_000_000, 5 * Math.Pow(1 - random.NextDouble(), -1 / 1.2));
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync((long)id, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync((long)world.PitchOwners[id], NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(text.Sentence(random, buffer, 2, 4, capitalise: true), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(text.Sentence(random, buffer, 8, 14, capitalise: false) + ".", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(text.Sentence(random, buffer, 25, 40, capitalise: false) + ".", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(SeedChoices.Pick(random, SeedChoices.Genres), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(SeedChoices.Pick(random, SeedChoices.Formats), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(SeedChoices.Pick(random, SeedChoices.Stages), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(status, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(SeedChoices.Pick(random, SeedChoices.Visibilities), NpgsqlDbType.Text, cancellationToken);
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
    }
}
