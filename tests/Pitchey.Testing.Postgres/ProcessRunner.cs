using System.Diagnostics;
using System.Text;

namespace Pitchey.Testing.Postgres;

/// <summary>Runs a command to completion and fails loudly, with its output, when it fails.</summary>
public static class ProcessRunner
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        (await RunCheckedAsync(fileName, arguments, timeout)).Output;

    /// <summary>
    /// Runs a command to completion and gives only what it wrote to standard output (a browser's
    /// <c>--dump-dom</c>), its standard error (log lines) kept apart and shown only when it fails.
    /// </summary>
    public static async Task<string> RunForStandardOutputAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        (await RunCheckedAsync(fileName, arguments, timeout)).StandardOutput;

    /// <summary>
    /// Runs a command to completion with <paramref name="environment"/> added to the test's (the place for
    /// secrets: never the command line) and gives its exit code and output, whatever the code.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var (exitCode, output, _) = await RunCoreAsync(fileName, arguments, environment, timeout);
        return (exitCode, output);
    }

    private static async Task<(string Output, string StandardOutput)> RunCheckedAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout)
    {
        var argumentList = arguments.ToList();
        var (exitCode, output, standardOutput) = await RunCoreAsync(fileName, argumentList, environment: null, timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', argumentList)} exited {exitCode}:\n{output}");
        }

        return (output, standardOutput);
    }

    /// <summary>The exit code, both streams as they interleaved, and standard output alone.</summary>
    private static async Task<(int ExitCode, string Output, string StandardOutput)> RunCoreAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); standardOutput.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish in time:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString(), standardOutput.ToString());
        }
    }
}
