namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>Where the run ran: figures from different machines do not compare.</summary>
/// <param name="ProcessorCount">Cores the harness saw (shared with the server under test on one machine).</param>
/// <param name="Os">Operating system description.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="PreciseTimer">The open model's pacer sleeps to within microseconds (Linux), not milliseconds.</param>
/// <param name="LoadAverage">1-minute load average before the run (Linux; null elsewhere): other work on the machine.</param>
internal sealed record MachineReport(int ProcessorCount, string Os, string Runtime, bool PreciseTimer, double? LoadAverage);
