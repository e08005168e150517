using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>
/// The connections scenario's figures, from the engine's census of its connections as the run ends:
/// requested, established, held for the whole run (connected once, never again, still open), open at
/// the end, failed connects and reconnects, with the window's errors beside them.
/// </summary>
internal sealed class ConnectionsWatch : IScenarioFigures, IRequestObserver
{
    private IReadOnlyList<ConnectionCensus>? _census;

    public void Observe(int series, bool inWindow, long due, long sent, long done, RequestOutcome outcome)
    {
    }

    public void Finished(IReadOnlyList<ConnectionCensus> targets) => Volatile.Write(ref _census, targets);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EndAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public FigureSetReport Report(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (Volatile.Read(ref _census) is not [var census, ..])
        {
            return new FigureSetReport("connections", "keep-alive connections held", "the engine ended before its connections were counted", [], [], []);
        }

        var total = results.Targets[0].Total;
        return new FigureSetReport(
            "connections",
            $"{census.Connections:#,0} keep-alive connections held",
            null,
            [
                new("requested", census.Connections, "count"),
                new("established", census.Opened - census.Failed, "count", "TCP connects that succeeded, reconnects included"),
                new("held", census.HeldThroughout, "count", "connected once, never again, and still open at the end"),
                new("open at the end", census.OpenAtEnd, "count"),
                new("failed connects", census.Failed, "count"),
                new("reconnects", Math.Max(0, census.Opened - census.Connections), "count", "connects beyond one per connection: the server or an error closed them"),
                new("errors", total.Errors.Total, "count"),
                new("requests per connection", census.Connections > 0 ? Math.Round((double)total.Sent / census.Connections, 2) : null, "requests"),
            ],
            [],
            []);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
