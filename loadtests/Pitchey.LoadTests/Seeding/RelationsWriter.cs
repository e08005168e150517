using Npgsql;
using NpgsqlTypes;

namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// The smaller related tables, one after the other on one connection and one random sequence:
/// <c>follows</c> (popular creators followed most), then, when there are pitches, <c>ndas</c>,
/// <c>nda_requests</c> and <c>investments</c> on popular pitches.
/// </summary>
internal static class RelationsWriter
{
    private static readonly string[] NdaStatuses = ["pending", "approved", "signed", "rejected", "expired"];
    private static readonly string[] RequestStatuses = ["pending", "pending", "approved", "approved", "rejected"];
    private static readonly string[] InvestmentStatuses = ["pending", "active", "active", "completed"];

    public static async Task WriteAsync(NpgsqlConnection connection, SeedWorld world, CancellationToken cancellationToken)
    {
        var random = new Random(world.Plan.Seed + 4);
        await BinaryCopy.RunAsync(connection, "COPY follows (follower_id, following_id, created_at) FROM STDIN (FORMAT BINARY)",
            writer => FollowsAsync(writer, world, random, cancellationToken), cancellationToken);
        if (world.Plan.Pitches == 0)
        {
            return;
        }

        await BinaryCopy.RunAsync(connection, "COPY ndas (pitch_id, signer_id, status, access_granted, signed_at, created_at) FROM STDIN (FORMAT BINARY)",
            writer => NdasAsync(writer, world, random, cancellationToken), cancellationToken);
        await BinaryCopy.RunAsync(connection, "COPY nda_requests (pitch_id, requester_id, owner_id, status, requested_at) FROM STDIN (FORMAT BINARY)",
            writer => NdaRequestsAsync(writer, world, random, cancellationToken), cancellationToken);
        await BinaryCopy.RunAsync(connection, "COPY investments (pitch_id, investor_id, amount, status, created_at) FROM STDIN (FORMAT BINARY)",
            writer => InvestmentsAsync(writer, world, random, cancellationToken), cancellationToken);
    }

    private static async Task FollowsAsync(NpgsqlBinaryImporter writer, SeedWorld world, Random random, CancellationToken cancellationToken)
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
    }

    private static async Task NdasAsync(NpgsqlBinaryImporter writer, SeedWorld world, Random random, CancellationToken cancellationToken)
    {
        for (var i = 0; i < world.Plan.Ndas; i++)
        {
            var status = SeedChoices.Any(random, NdaStatuses);
            var created = world.Now.AddDays(-random.NextDouble() * 700);
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync((long)world.PopularPitch(random), NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync((long)world.AnyUser(random), NpgsqlDbType.Bigint, cancellationToken);
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
    }

    private static async Task NdaRequestsAsync(NpgsqlBinaryImporter writer, SeedWorld world, Random random, CancellationToken cancellationToken)
    {
        for (var i = 0; i < world.Plan.NdaRequests; i++)
        {
            var pitch = world.PopularPitch(random);
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync((long)pitch, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync((long)world.AnyUser(random), NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync((long)world.PitchOwners[pitch], NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(SeedChoices.Any(random, RequestStatuses), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(world.Now.AddDays(-random.NextDouble() * 700), NpgsqlDbType.TimestampTz, cancellationToken);
        }
    }

    private static async Task InvestmentsAsync(NpgsqlBinaryImporter writer, SeedWorld world, Random random, CancellationToken cancellationToken)
    {
        for (var i = 0; i < world.Plan.Investments; i++)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync((long)world.PopularPitch(random), NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync((long)world.Investor(random), NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(Math.Round((decimal)Math.Exp(Math.Log(1_000) + (random.NextDouble() * Math.Log(1_000))), 2), NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(SeedChoices.Any(random, InvestmentStatuses), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(world.Now.AddDays(-random.NextDouble() * 700), NpgsqlDbType.TimestampTz, cancellationToken);
        }
    }
}
