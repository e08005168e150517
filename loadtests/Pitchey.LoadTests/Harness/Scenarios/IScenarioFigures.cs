using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// A scenario's own figures (<see cref="FigureSetReport"/>): what it watches during the run (a
/// source that also implements <see cref="Engine.IRequestObserver"/> sees every request; one that
/// polls starts with the window) and what it works out at the end from everything the run measured.
/// The run starts it with the measured window (with the samplers), ends it after the last response,
/// and asks for its report once the engine's and the samplers' figures are known.
/// </summary>
internal interface IScenarioFigures : IAsyncDisposable
{
    /// <summary>Starts watching (a poller's loop). Must not throw for an unreachable source.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>The load is over: stop polling. Must not throw for an unreachable source.</summary>
    Task EndAsync(CancellationToken cancellationToken);

    /// <summary>The figures, given what the run measured.</summary>
    FigureSetReport Report(RunResults results);
}
