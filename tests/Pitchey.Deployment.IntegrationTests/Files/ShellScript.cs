using Pitchey.Testing.Postgres;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>
/// One of the repository's shell scripts run with bash and an environment of the test's choosing (secrets
/// travel there, never on the command line), as the <c>postgres</c> user when the tests run as root,
/// the way the official postgres image runs its init scripts. PATH starts with the PostgreSQL binaries.
/// </summary>
internal static class ShellScript
{
    public static Task<(int ExitCode, string Output)> RunAsync(string relativePath, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        string[] command = [.. asRoot ? ["runuser", "-u", "postgres", "--"] : Array.Empty<string>(), "bash", Repo.PathOf(relativePath), .. arguments];
        var withPath = new Dictionary<string, string>(environment)
        {
            ["PATH"] = PostgresBinaries.Find() + ":" + Environment.GetEnvironmentVariable("PATH"),
        };
        return ProcessRunner.TryRunAsync(command[0], command[1..], withPath);
    }

    /// <summary>A temp folder the script's user can write to (removed by the caller).</summary>
    public static async Task<string> WritableFolderAsync()
    {
        var folder = Directory.CreateTempSubdirectory("pitchey-deploy-").FullName;
        if (Environment.UserName == "root")
        {
            await ProcessRunner.RunAsync("chown", ["postgres:postgres", folder]);
        }

        return folder;
    }
}
