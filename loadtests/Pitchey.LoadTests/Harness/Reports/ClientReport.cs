namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>
/// What the harness itself cost while it ran (load phase, warm-up included): on a machine it shares
/// with the server under test, a client that needs more CPU per request leaves less to the server.
/// </summary>
/// <param name="CpuMicrosecondsPerRequest">The harness process's CPU time over the requests it sent.</param>
/// <param name="AllocatedBytesPerRequest">Managed memory allocated over the requests it sent (the hot path allocates nothing per request).</param>
/// <param name="Gen0Collections">Garbage collections during the run.</param>
/// <param name="SocketEngine">How the socket engine ran the connections (inline completions, event-loop threads).</param>
internal sealed record ClientReport(double CpuMicrosecondsPerRequest, double AllocatedBytesPerRequest, int Gen0Collections, string SocketEngine);
