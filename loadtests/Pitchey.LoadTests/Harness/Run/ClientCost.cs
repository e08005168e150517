using System.Diagnostics;
using Pitchey.LoadTests.Harness.Reports;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>The harness process's CPU time, allocations and collections between two points of a run.</summary>
internal sealed class ClientCost
{
    private readonly TimeSpan _cpu;
    private readonly long _allocated;
    private readonly int _collections;

    private ClientCost()
    {
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _allocated = GC.GetTotalAllocatedBytes(precise: false);
        _collections = GC.CollectionCount(0);
    }

    public static ClientCost Start() => new();

    /// <param name="requests">Requests sent in every phase, warm-up included (as the cost is).</param>
    public ClientReport Stop(long requests, string socketEngine)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - _allocated;
        var per = Math.Max(1, requests);
        return new ClientReport(
            Math.Round(cpu.TotalMicroseconds / per, 2), Math.Round((double)allocated / per, 1), GC.CollectionCount(0) - _collections, socketEngine);
    }
}
