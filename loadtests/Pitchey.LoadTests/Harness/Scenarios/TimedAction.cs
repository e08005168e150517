namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// Something a scenario does to the system while the load runs, at a share of the measured window:
/// "at 25 % turn the upstream's faults on", "at 50 % stop the replica". The run starts it on time
/// (actions run concurrently with the load and with each other) and records it as an event with
/// what it returned, or the error it threw.
/// </summary>
/// <param name="At">Share of the measured window, 0..1 (0: as the window starts).</param>
/// <param name="Name">The event's name, e.g. "faults on".</param>
/// <param name="RunAsync">Does it; returns a detail for the event (or null).</param>
internal sealed record TimedAction(double At, string Name, Func<CancellationToken, Task<string?>> RunAsync);
