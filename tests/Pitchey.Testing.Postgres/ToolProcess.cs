using System.Diagnostics;
using System.Text;

namespace Pitchey.Testing.Postgres;

/// <summary>
/// One run of an executable of this repo (<c>dotnet X.dll args</c>) from the test's own folder, where
/// the build copies it with its <c>config/</c>: its exit code, standard output and standard error kept
/// apart. The environment is the test's, minus <c>Database__Primary</c>, plus what the test adds.
/// </summary>
public sealed class ToolProcess : IDisposable
{
    public const string LoadTests = "Pitchey.LoadTests.dll";
    public const string Gateway = "Pitchey.Gateway.dll";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ToolProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The operating system's process id (for /proc).</summary>
    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static ToolProcess Start(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("Database__Primary");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var run = new ToolProcess(process);
        process.OutputDataReceived += (_, e) => Append(run._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(run._error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Runs to the end (two minutes at most) and gives the exit code.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(
        string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var run = Start(dll, arguments, environment);
        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exit, run.Output, run.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the process did not end within {timeout}:\n{Output}\n{Error}");
        }

        _process.WaitForExit(); // the output readers have drained
        return _process.ExitCode;
    }

    /// <summary>Waits until standard output holds <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || waited.Elapsed > timeout)
            {
                throw new TimeoutException($"no '{text}' in the output:\n{Output}\n{Error}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>SIGTERM, as a service manager or Kubernetes stops a process.</summary>
    public Task TerminateAsync() => ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}
