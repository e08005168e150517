using System.Globalization;
using Pitchey.Testing.Postgres;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// Debian's headless Chromium, one run per call, with a throwaway profile: the page's DOM after its
/// scripts ran (<see cref="DumpDomAsync"/>), or a screenshot (<see cref="ScreenshotAsync"/>).
/// Network requests hold virtual time, so the budget is what the page's own timers may use.
/// </summary>
public static class ChromiumBrowser
{
    private const string Executable = "/usr/bin/chromium";

    /// <summary>The page's DOM as Chromium serialises it once its scripts ran (standard output only: no log line in it).</summary>
    public static async Task<string> DumpDomAsync(Uri page, TimeSpan budget) =>
        await RunAsync(page, budget, "--dump-dom");

    /// <summary>A PNG of <paramref name="page"/> at <paramref name="width"/> by <paramref name="height"/>.</summary>
    public static async Task<byte[]> ScreenshotAsync(Uri page, TimeSpan budget, int width = 1280, int height = 900)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pitchey-shot-{Guid.NewGuid():N}.png");
        try
        {
            await RunAsync(page, budget, $"--screenshot={file}", $"--window-size={width.ToString(CultureInfo.InvariantCulture)},{height.ToString(CultureInfo.InvariantCulture)}", "--hide-scrollbars");
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(Uri page, TimeSpan budget, params string[] extra)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException("chromium not found: install the 'chromium' package (apt-get install chromium).");
        }

        var profile = Directory.CreateTempSubdirectory("pitchey-chromium-").FullName;
        try
        {
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
                $"--virtual-time-budget={((long)budget.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}",
                .. extra,
                page.ToString(),
            ];
            // Bounded: a Chromium that does not exit in time is killed with its children (and the test fails).
            return await ProcessRunner.RunForStandardOutputAsync(Executable, arguments, TimeSpan.FromSeconds(90));
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
