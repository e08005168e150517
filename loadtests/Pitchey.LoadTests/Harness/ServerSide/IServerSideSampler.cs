using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.ServerSide;

/// <summary>
/// Reads a server's own counts during a run, beside the client's figures: what the database did,
/// how often the upstream was asked, how many health-check runs there were. The run calls
/// <see cref="StartAsync"/> when the measured window starts (before the first request when there
/// is no warm-up) and <see cref="StopAsync"/> after the last response; the report holds the
/// difference. A source that cannot be read is not an error of the run: the sampler says why in its
/// report (<see cref="ServerSideReport.Unavailable"/>).
/// </summary>
internal interface IServerSideSampler : IAsyncDisposable
{
    /// <summary>Short and stable: the report's key ("postgres", "upstream", "health-checks").</summary>
    string Name { get; }

    /// <summary>Reads the starting counts. Must not throw for an unreachable source.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Reads the counts again and gives the difference. Must not throw for an unreachable source.</summary>
    Task<ServerSideReport> StopAsync(CancellationToken cancellationToken);
}
