using Pitchey.Database.Insight;
using Pitchey.Gateway.ApiEndpoints;

namespace Pitchey.Gateway.DatabaseInsight;

/// <summary>
/// <c>GET /admin/db/recommendations</c>, <c>/admin/db/indexes</c> and <c>/admin/db/activity</c>: the
/// last round of the database insight, as it was read in the background (<c>takenAt</c> says when);
/// a request never queries the database. Query texts are normalised (no literal values).
/// </summary>
internal static class InsightEndpoints
{
    public static IResult Recommendations(InsightMonitor monitor)
    {
        var report = monitor.Current;
        return Results.Ok(new
        {
            enabled = monitor.Options.Enabled,
            sequence = report?.Sequence ?? 0,
            takenAt = report?.Snapshot.TakenAt,
            intervalSeconds = monitor.Options.Interval.TotalSeconds,
            hosts = report?.Snapshot.Hosts.Select(Host).ToArray() ?? [],
            notes = report?.Notes ?? [Waiting(monitor)],
            items = report?.Recommendations.Select(r => new
            {
                id = r.Id,
                kind = r.Kind,
                severity = r.Severity,
                subject = r.Subject,
                host = r.Host ?? "primary",
                title = r.Title,
                evidence = r.Evidence,
                sql = r.Sql,
                note = r.Note,
            }).ToArray() ?? [],
            statements = report?.Snapshot.Hosts.Where(h => h.Statements.Available).ToDictionary(
                h => h.Host,
                h => new { byTotal = h.TopByTotal.Select(Statement), byMean = h.TopByMean.Select(Statement) },
                StringComparer.Ordinal),
            routes = ApiEndpointsExtensions.RoutesByQuery,
        });
    }

    public static IResult Indexes(InsightMonitor monitor)
    {
        var report = monitor.Current;
        var hosts = report?.Snapshot.Hosts.ToArray() ?? [];
        return Results.Ok(new
        {
            sequence = report?.Sequence ?? 0,
            takenAt = report?.Snapshot.TakenAt,
            catalogError = report?.Snapshot.CatalogError,
            statisticsSince = hosts.ToDictionary(h => h.Host, h => h.Statistics?.Since, StringComparer.Ordinal),
            items = report?.Snapshot.Catalog?.Indexes.Select(i =>
            {
                var scans = hosts.ToDictionary(h => h.Host, h => h.Indexes.FirstOrDefault(s => s.IndexOid == i.Oid)?.Scans, StringComparer.Ordinal);
                return new
                {
                    index = i.QualifiedName,
                    table = i.QualifiedTable,
                    columns = i.KeyElements,
                    included = i.Included,
                    predicate = i.Predicate,
                    method = i.Method,
                    definition = i.Definition,
                    unique = i.Unique,
                    primary = i.Primary,
                    backsConstraint = i.BacksConstraint,
                    valid = i.Valid,
                    ready = i.Ready,
                    building = i.Building,
                    sizeBytes = i.SizeBytes,
                    scans,
                    totalScans = scans.Values.Sum(s => s ?? 0),
                };
            }).ToArray() ?? [],
        });
    }

    public static IResult Activity(InsightMonitor monitor)
    {
        var report = monitor.Current;
        var hosts = report?.Snapshot.Hosts.ToArray() ?? [];
        return Results.Ok(new
        {
            sequence = report?.Sequence ?? 0,
            takenAt = report?.Snapshot.TakenAt,
            hosts = hosts.Select(h => new { name = h.Host, reachable = h.Reachable, error = h.Error, sessions = h.Sessions.Count }),
            items = hosts.SelectMany(h => h.Sessions.Select(s => new
            {
                host = h.Host,
                pid = s.Pid,
                user = s.User,
                application = s.Application,
                state = s.State,
                waitEvent = s.WaitEvent,
                transactionStart = s.TransactionStart,
                queryStart = s.QueryStart,
                stateChange = s.StateChange,
                seconds = s.StateChange is { } since ? Math.Round((h.ServerNow - since).TotalSeconds, 1) : (double?)null,
                query = s.Query,
            })).ToArray(),
        });
    }

    private static object Host(HostWorkload host) => new
    {
        name = host.Host,
        endpoint = host.Endpoint,
        reachable = host.Reachable,
        error = host.Error,
        role = host.Reachable ? (host.InRecovery ? "replica" : "primary") : null,
        serverVersion = host.ServerVersion,
        statisticsSince = host.Statistics?.Since,
        statisticsSource = host.Statistics?.Source,
        pgStatStatements = new { available = host.Statements.Available, problem = host.Statements.Problem },
    };

    private static object Statement(StatementStat s) => new
    {
        queryId = s.QueryId,
        route = s.Route,
        query = s.Query,
        calls = s.Calls,
        totalMs = Math.Round(s.TotalMs, 1),
        meanMs = Math.Round(s.MeanMs, 3),
        rows = s.Rows,
    };

    private static string Waiting(InsightMonitor monitor) =>
        monitor.Options.Enabled ? "the first round of the database insight has not finished yet" : "the database insight is off (Database:Insight:Enabled)";
}
