namespace Pitchey.LoadTests.Harness.Run;

/// <summary>
/// How .NET's socket engine runs the load connections. By default a completed receive is handed from
/// the epoll thread to the thread pool; with inline completions the connection's code (parse, record,
/// send the next request) runs on the epoll thread itself, as in wrk's event loop. On two cores
/// shared with the server under test that hop is most of the client's CPU per request: measured
/// against wrk, inline completions are what brings the closed model within 10 % (docs/benchmarks.md).
/// The engine reads the switch once, when the process first uses a socket, so <c>Program</c> sets it
/// for <c>run</c> before anything else happens (and only for <c>run</c>: the data verbs' Npgsql code
/// keeps the default); a value already in the environment wins. Safe here: nothing the connections
/// run on it blocks.
/// </summary>
internal static class SocketEngine
{
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void PreferInlineCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }
    }
}
