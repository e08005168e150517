using Pitchey.Gateway.Runtime;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Runtime;

/// <summary>
/// The gateway process runs socket completions inline unless the operator says otherwise. Seen from
/// outside: with inline completions .NET starts one epoll thread (".NET Sockets") per core, without
/// them one for up to 30 cores, so on a machine of two cores or more the count tells them apart.
/// </summary>
public sealed class SocketCompletionsTests
{
    [Fact]
    public async Task Serve_RunsSocketCompletionsInline_OneEpollThreadPerCore()
    {
        Assert.Equal(Environment.ProcessorCount, await EpollThreadsAsync(new Dictionary<string, string>()));
    }

    [Fact]
    public async Task Serve_LeavesTheOperatorsChoice_ZeroMeansQueuedCompletions()
    {
        var threads = await EpollThreadsAsync(new Dictionary<string, string> { [SocketCompletions.Variable] = "0" });

        Assert.Equal(Math.Max(1, (int)Math.Round(Environment.ProcessorCount / 30.0)), threads);
    }

    [Theory]
    [InlineData(null, "1")]
    [InlineData("0", null)]
    [InlineData("1", null)]
    public void ValueToSet_OnlyWhenUnset(string? current, string? expected) => Assert.Equal(expected, SocketCompletions.ValueToSet(current));

    private static async Task<int> EpollThreadsAsync(Dictionary<string, string> environment)
    {
        // No database needed to listen: one that is never there, so readiness simply stays false.
        environment["Database__Primary"] = "Host=127.0.0.1;Port=1;Database=none;Username=none";
        using var gateway = ToolProcess.Start(ToolProcess.Gateway, ["--urls", "http://127.0.0.1:0"], environment);
        await gateway.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60));

        var threads = 0;
        foreach (var task in Directory.GetDirectories($"/proc/{gateway.Id}/task"))
        {
            if ((await File.ReadAllTextAsync(Path.Combine(task, "comm"))).Trim() == ".NET Sockets")
            {
                threads++;
            }
        }

        return threads;
    }
}
