using Pitchey.LoadTests.Harness.Watches;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// <c>failover</c>: reads through the tuned endpoints that need the database on every request
/// (browse, search, the creator dashboard; parameters from the database when one is given) while a
/// replica (<c>--replica-data</c>) and then the primary (<c>--primary-data</c>) are stopped with
/// pg_ctl mid-run and started again (<see cref="FailoverSteps"/>). The report
/// (<see cref="FailoverWatch"/>) has the errors by kind per second, each phase's errors, and the time
/// to recover: the first success sent after the primary was back.
/// </summary>
internal sealed class FailoverScenario : IScenario
{
    public const string ScenarioName = "failover";

    /// <summary>The session and the stats are answered from caches and snapshots; these reach the database each time.</summary>
    public static readonly IReadOnlyList<string> Labels = [TunedReads.Browse, TunedReads.SearchCommon, TunedReads.SearchRare, TunedReads.CreatorDashboard];

    public string Name => ScenarioName;

    public string Description =>
        "tuned reads while pg_ctl stops a replica (--replica-data), then the primary (--primary-data), and starts them again: errors by kind over time, time to recover";

    public string? Validate(Run.RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if ((ScenarioChecks.OneTarget(settings, ScenarioName) ?? ScenarioChecks.NoPath(settings, ScenarioName)) is { } invalid)
        {
            return invalid;
        }

        if (settings.PrimaryData is not { } primary)
        {
            return "failover stops and starts the primary: give --primary-data <dir> (its data folder; --replica-data for a replica)";
        }

        foreach (var (option, folder) in new[] { ("--primary-data", primary), ("--replica-data", settings.ReplicaData) })
        {
            if (folder is not null && !PgCtl.IsCluster(folder))
            {
                return $"{option} {folder} is not a PostgreSQL data folder (no PG_VERSION)";
            }
        }

        return PgCtl.FindBin(settings.PgBin) is null
            ? $"pg_ctl not found: give --pg-bin <dir> (the PostgreSQL bin folder){(settings.PgBin is null ? ", or set PG_BIN" : $"; {settings.PgBin} has no pg_ctl")}"
            : null;
    }

    public async Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var (requests, _) = await TunedReadsPlan.PrepareAsync(context, [.. Labels], ScenarioName, databaseRequired: false, cancellationToken);
        var steps = new FailoverSteps(new PgCtl(PgCtl.FindBin(settings.PgBin)!), settings.PrimaryData!, settings.ReplicaData, context.Events);
        var watch = new FailoverWatch(context.Events, steps.RestoreAsync);
        return new ScenarioPlan(requests, steps.Actions(watch), [], [watch]);
    }
}
