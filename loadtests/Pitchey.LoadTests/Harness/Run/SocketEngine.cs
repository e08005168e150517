namespace Pitchey.LoadTests.Harness.Run;

/// <summary>
/// How .NET's socket engine runs the load connections: like wrk -t1, one event loop that parses,
/// records and sends the next request itself. By default a completed receive is handed from the
/// epoll thread to the thread pool, and that hop was most of the client's CPU per request; with
/// inline completions the connection's code runs on the epoll thread. One epoll thread (rather than
/// one per core) leaves the other core to the server under test, as wrk -t1 does, and keeps the
/// harness's share of a busy machine the same as wrk's (measured: docs/benchmarks.md). The engine
/// reads both switches once, when the process first uses a socket, so <c>Program</c> sets them for
/// <c>run</c> before anything else happens (only for <c>run</c>: the data verbs' Npgsql code keeps
/// the defaults); values already in the environment win. Safe here: nothing the connections run on
/// the epoll thread blocks.
/// </summary>
internal static class SocketEngine
{
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public const string ThreadCount = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    public static void PreferOneEventLoop()
    {
        Default(InlineCompletions, "1");
        Default(ThreadCount, "1");
    }

    /// <summary>How the engine was set up, for the report.</summary>
    public static string Describe() =>
        $"inline completions {Environment.GetEnvironmentVariable(InlineCompletions) ?? "off"}, socket threads {Environment.GetEnvironmentVariable(ThreadCount) ?? "default"}";

    private static void Default(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
