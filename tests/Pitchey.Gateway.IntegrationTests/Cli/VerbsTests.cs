using System.Diagnostics;

namespace Pitchey.Gateway.IntegrationTests.Cli;

/// <summary>The gateway executable as an operator runs it: <c>dotnet Pitchey.Gateway.dll &lt;verb&gt;</c>.</summary>
public sealed class VerbsTests
{
    [Fact]
    public async Task Gateway_SeedVerb_IsUnknownAndExits64()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Pitchey.Gateway.dll"), "seed" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(64, process.ExitCode);
        Assert.Contains("unknown verb 'seed'", await error, StringComparison.Ordinal);
        Assert.Contains("Verbs: serve, migrate", await error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }
}
