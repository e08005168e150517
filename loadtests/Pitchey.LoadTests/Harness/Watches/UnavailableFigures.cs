using Pitchey.LoadTests.Harness.Reports;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Harness.Watches;

/// <summary>Figures the run could have had but was not given the means to take: the report says what to pass.</summary>
internal sealed class UnavailableFigures(string name, string title, string note) : IScenarioFigures
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EndAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public FigureSetReport Report(RunResults results) => new(name, title, note, [], [], []);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
