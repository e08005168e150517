using System.Diagnostics;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// A real server a test starts from the machine's binaries (redis-server, prometheus): its process,
/// its output drained so a full pipe never blocks it, and its own temp folder, killed and removed on
/// dispose.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    /// <summary>The server's own temp folder (its working directory).</summary>
    public string Directory { get; }

    /// <summary>A fresh temp folder named after <paramref name="prefix"/>, for the server to be started in.</summary>
    public static string NewFolder(string prefix) => System.IO.Directory.CreateTempSubdirectory(prefix).FullName;

    public static ServerProcess Start(string executable, string directory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Path.GetFileName(executable)}");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, directory);
    }

    /// <summary>The executable <paramref name="name"/> on PATH, or an error naming the Debian package to install.</summary>
    public static string Find(string name, string package)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{name} not found: install the '{package}' package (apt-get install {package}).");
    }

    /// <summary>Kills the server at once, the way an outage would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
