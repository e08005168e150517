using Npgsql;
using NpgsqlTypes;

namespace Pitchey.LoadTests.Seeding;

/// <summary>The <c>pitch_views</c> rows: popular pitches far more often, three in ten anonymous, over the last year.</summary>
internal static class PitchViewsWriter
{
    private const string Copy = "COPY pitch_views (pitch_id, viewer_id, viewed_at) FROM STDIN (FORMAT BINARY)";

    public static async Task WriteAsync(NpgsqlConnection connection, SeedWorld world, CancellationToken cancellationToken)
    {
        if (world.Plan.Pitches == 0)
        {
            return;
        }

        await BinaryCopy.RunAsync(connection, Copy, writer => RowsAsync(writer, world, cancellationToken), cancellationToken);
    }

    private static async Task RowsAsync(NpgsqlBinaryImporter writer, SeedWorld world, CancellationToken cancellationToken)
    {
        var random = new Random(world.Plan.Seed + 3);
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
                await writer.WriteAsync((long)world.AnyUser(random), NpgsqlDbType.Bigint, cancellationToken);
            }

            await writer.WriteAsync(world.Now.AddMinutes(-random.NextDouble() * 365 * 24 * 60), NpgsqlDbType.TimestampTz, cancellationToken);
        }
    }
}
