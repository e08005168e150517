using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// Requests per database query for each tuned endpoint: the statements pg_stat_statements counted on
/// the primary during the window, sorted into endpoints by their text (<see cref="StatementLabels"/>),
/// against the requests of the endpoint's labels. Above 1: the gateway answered some from a cache (a
/// session, a cached count); below 1: a request costs several statements (a page and its count).
/// </summary>
internal sealed class QueryFigures(IReadOnlyList<string> notes) : IScenarioFigures
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EndAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public FigureSetReport Report(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var lines = new List<string>(notes);
        if (results.Statements.Count == 0)
        {
            var postgres = results.ServerSide.FirstOrDefault(side => side.Name == "postgres");
            lines.Add(postgres is null ? "no database given (--connection or Database:Primary): no statements to count"
                : postgres.Note ?? "pg_stat_statements counted no statement in the window");
            return new FigureSetReport("queries", "requests per database query, per endpoint", string.Join("; ", lines), [], [], []);
        }

        var labels = results.Targets[0].Labels.ToDictionary(label => label.Label ?? "", label => label.Sent, StringComparer.Ordinal);
        var calls = results.Statements.GroupBy(statement => StatementLabels.GroupOf(statement.Query) ?? "")
            .ToDictionary(group => group.Key, group => group.Sum(statement => statement.Calls), StringComparer.Ordinal);
        var values = new List<FigureValue>();
        foreach (var (group, groupLabels) in StatementLabels.Groups)
        {
            var requests = groupLabels.Sum(label => labels.GetValueOrDefault(label));
            if (requests == 0 && !calls.ContainsKey(group))
            {
                continue;
            }

            var queries = calls.GetValueOrDefault(group);
            values.Add(new FigureValue($"{group}: queries", queries, "count", groupLabels.Length > 1 ? $"statements of {string.Join(" and ", groupLabels)} together" : null));
            values.Add(new FigureValue($"{group}: requests per query", queries > 0 ? Math.Round((double)requests / queries, 3) : null, "requests/query",
                group == TunedReads.Stats ? "the stats come from a snapshot refreshed in the background, not per request" : queries == 0 ? "no statement: every request answered without the primary" : null));
        }

        values.Add(new FigureValue("other statements", calls.GetValueOrDefault(""), "count", "health checks, replica monitoring and anything else on the primary"));
        lines.Add("reads routed to replicas are not in the primary's statistics");
        return new FigureSetReport("queries", "requests per database query, per endpoint (pg_stat_statements on the primary)", string.Join("; ", lines), values, [], []);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
