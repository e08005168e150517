using Pitchey.Gateway.Cli;

namespace Pitchey.Gateway.IntegrationTests.Cli.Migrate;

/// <summary>Runs <c>migrate ...</c> in process, as the executable would, capturing its exit code and both streams.</summary>
internal static class MigrateCli
{
    public static async Task<(int Exit, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Verbs.RunAsync(["migrate", .. args], new CliConsole(output, error, Interactive: false), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
