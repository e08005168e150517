using System.Diagnostics;
using System.Text;

namespace Pitchey.LoadTests.Harness.Scenarios;

/// <summary>
/// Stops and starts a PostgreSQL cluster the way an outage and its repair would: <c>pg_ctl stop -m
/// immediate</c> (connections dropped, no checkpoint) and <c>pg_ctl start -w</c> (back when it accepts
/// connections), the server's log appended to <c>server.log</c> in its data folder as <c>./run.sh</c>
/// does. As the <c>postgres</c> user when run as root (PostgreSQL refuses root). No password is
/// involved: pg_ctl works on the data folder.
/// </summary>
internal sealed class PgCtl(string binFolder)
{
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public string Program => Path.Combine(binFolder, "pg_ctl");

    /// <summary>The bin folder: --pg-bin, else PG_BIN, else the newest /usr/lib/postgresql/N/bin; null when none holds pg_ctl.</summary>
    public static string? FindBin(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "pg_ctl")) ? configured : null;
        }

        var variable = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(variable) && File.Exists(Path.Combine(variable, "pg_ctl")))
        {
            return variable;
        }

        const string Root = "/usr/lib/postgresql";
        return Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(folder => (Bin: Path.Combine(folder, "bin"), Version: int.TryParse(Path.GetFileName(folder), out var version) ? version : 0))
                .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
    }

    /// <summary>A data folder holds a cluster when it has PG_VERSION.</summary>
    public static bool IsCluster(string dataFolder) => File.Exists(Path.Combine(dataFolder, "PG_VERSION"));

    public Task<string> StopAsync(string dataFolder, CancellationToken cancellationToken) =>
        RunAsync(["-D", dataFolder, "stop", "-m", "immediate", "-w"], StopTimeout, cancellationToken);

    public Task<string> StartAsync(string dataFolder, CancellationToken cancellationToken) =>
        RunAsync(["-D", dataFolder, "start", "-w", "-t", "60", "-l", Path.Combine(dataFolder, "server.log")], StartTimeout, cancellationToken);

    private async Task<string> RunAsync(string[] arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "runuser" : Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in root ? ["-u", "postgres", "--", Program, .. arguments] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Program} could not be started");
        var output = new StringBuilder();
        var reading = Task.WhenAll(
            CopyAsync(process.StandardOutput, output),
            CopyAsync(process.StandardError, output));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            await reading.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pg_ctl {arguments[2]} on {arguments[1]} did not finish in {timeout.TotalSeconds:0} s");
        }

        var text = output.ToString().Trim().ReplaceLineEndings(" ");
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pg_ctl {arguments[2]} on {arguments[1]} exited {process.ExitCode}: {text}");
    }

    private static async Task CopyAsync(StreamReader reader, StringBuilder output)
    {
        var text = await reader.ReadToEndAsync();
        lock (output)
        {
            output.Append(text);
        }
    }
}
