using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.ServerSide;

/// <summary>A figure the run could have had but was not given the means to read: the report says what to pass.</summary>
internal sealed class UnavailableSampler(string name, string title, string note) : IServerSideSampler
{
    public string Name => name;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ServerSideReport> StopAsync(CancellationToken cancellationToken) => Task.FromResult(ServerSideReport.Unavailable(name, title, note));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
