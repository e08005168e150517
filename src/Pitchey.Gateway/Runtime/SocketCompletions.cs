namespace Pitchey.Gateway.Runtime;

/// <summary>
/// Runs socket completions inline on the epoll threads instead of queueing each one to the thread
/// pool: for a proxy every request is two socket round trips, and the hop through the pool's queue is
/// a measurable part of each (docs/benchmarks.md, "Forwarding throughput"). .NET reads the switch
/// once, from the environment, when the first socket is used, so it is set first thing in Main; an
/// operator's own <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> (0 to turn it off) wins.
/// Safe because the gateway never blocks a thread on I/O (async all the way), and with it on .NET
/// runs one epoll thread per core, so the event threads do not become the bottleneck on big machines.
/// </summary>
internal static class SocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>The value to set, or null to leave the environment as the operator set it.</summary>
    public static string? ValueToSet(string? current) => current is null ? "1" : null;

    public static void PreferInline()
    {
        if (ValueToSet(Environment.GetEnvironmentVariable(Variable)) is { } value)
        {
            Environment.SetEnvironmentVariable(Variable, value);
        }
    }
}
