using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Pitchey.LoadTests.Seeding;

/// <summary>
/// Generates a realistic, skewed data set (popular genres, power-law views and creator output,
/// three years of dates, a third of sessions expired) and loads it with binary COPY, the fastest
/// way into PostgreSQL: no SQL parsing per row, no text conversion. Independent tables load on two
/// connections at once. Ids are assigned here (1..n) so related rows can refer to them without a
/// round trip; identity sequences are moved past them at the end. The rows themselves are written
/// by one writer per table (<see cref="UsersWriter"/>, <see cref="PitchesWriter"/>, ...) from one
/// <see cref="SeedWorld"/>.
/// </summary>
public sealed class DataSeeder(NpgsqlDataSource dataSource, TimeProvider time, Action<string>? progress = null)
{
    private static readonly string[] Tables = ["investments", "nda_requests", "ndas", "follows", "pitch_views", "sessions", "pitches", "users"];

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
        if (plan.Users < SeedPlan.MinimumUsers || plan.Pitches < 0 || plan.Sessions < 0 || plan.Views < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(plan), $"a seed needs at least {SeedPlan.MinimumUsers} users and no negative counts");
        }

        var total = Stopwatch.StartNew();
        var steps = new List<(string, long, TimeSpan)>();
        var world = new SeedWorld(plan, time.GetUtcNow().UtcDateTime);

        steps.Add(await TimedAsync("users", plan.Users, ct => CopyAsync(UsersWriter.WriteAsync, world, ct), cancellationToken));
        var group = await Task.WhenAll(
            TimedAsync("pitches", plan.Pitches, ct => CopyAsync(PitchesWriter.WriteAsync, world, ct), cancellationToken),
            TimedAsync("sessions", plan.Sessions, ct => CopyAsync(SessionsWriter.WriteAsync, world, ct), cancellationToken));
        steps.AddRange(group);
        group = await Task.WhenAll(
            TimedAsync("pitch_views", plan.Views, ct => CopyAsync(PitchViewsWriter.WriteAsync, world, ct), cancellationToken),
            TimedAsync("follows, ndas, nda_requests, investments", plan.Follows + plan.Ndas + plan.NdaRequests + plan.Investments,
                ct => CopyAsync(RelationsWriter.WriteAsync, world, ct), cancellationToken));
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

    /// <summary>A table writer on a connection of its own, so two of them can load at once.</summary>
    private async Task CopyAsync(
        Func<NpgsqlConnection, SeedWorld, CancellationToken, Task> writer, SeedWorld world, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await writer(connection, world, cancellationToken);
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
}
