using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Gateway.StatusPage;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.StatusPage;

/// <summary>The status page in headless Chromium: it renders its data from the API with the key, without script errors, and draws something.</summary>
public sealed class StatusPageBrowserTests : IAsyncLifetime
{
    private GatewayEnvironment _env = null!;

    public async Task InitializeAsync()
    {
        _env = await GatewayEnvironment.StartAsync(new GatewayRecipe
        {
            StandIn = true,
            Gateway = true,
            Settings = settings => settings["Management:HistoryInterval"] = "00:00:01",
        });
        var gateway = _env.Gateway;
        for (var i = 0; i < 20; i++)
        {
            using var probe = await gateway.Client.GetAsync("/health/ready");
            using var browse = await gateway.Client.GetAsync("/api/pitches/browse/enhanced?limit=3");
            using var forwarded = await gateway.Client.GetAsync("/api/pitches/1");
        }

        // Two samples with traffic between them, without waiting for the sampler's clock.
        var sampler = gateway.Services.GetRequiredService<HistorySampler>();
        sampler.SampleNow();
        using (await gateway.Client.GetAsync("/api/pitches/browse/enhanced?limit=3"))
        {
            sampler.SampleNow();
        }
    }

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task WithTheKey_ThePageRendersHealthBreakersAndCharts_WithoutScriptErrors()
    {
        var gateway = _env.Gateway;
        var history = await gateway.Management.GetFromJsonAsync<JsonElement>("/api/status/history");
        Assert.Contains(history.GetProperty("charts").EnumerateArray(), c => c.GetProperty("id").GetString() == "query-latency"
            && c.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("name").GetString() == "browse"));

        var dom = await ChromiumBrowser.DumpDomAsync(PageWithKey(gateway), TimeSpan.FromSeconds(10));

        Assert.Contains("data-status=\"ready\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("data-error", dom, StringComparison.Ordinal);
        Assert.Contains("<span class=\"pill closed\">closed</span>", dom, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"request-latency\"", dom, StringComparison.Ordinal);
        Assert.Contains("<polyline", dom, StringComparison.Ordinal);
        // The reserved slots are filled by the database insight and the alerts, and each loads its source.
        foreach (var panel in new[] { "slow-queries", "recommendations", "alerts" })
        {
            Assert.Contains($"data-panel=\"{panel}\"", dom, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("not available", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("could not load", dom, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayServer.ManagementKey, dom, StringComparison.Ordinal);
        SecretAssert.Clean(dom[dom.IndexOf("<html", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task AWrongKey_ShowsTheKeyForm_WithoutScriptErrors()
    {
        var page = new UriBuilder(_env.Gateway.ManagementAddress!) { Fragment = "key=wrong" }.Uri;

        var dom = await ChromiumBrowser.DumpDomAsync(page, TimeSpan.FromSeconds(10));

        Assert.Contains("That key was refused.", dom, StringComparison.Ordinal);
        Assert.Contains("data-status=\"loading\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("data-error", dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScreenshot_IsAPageNotABlank()
    {
        var png = PngImage.Decode(await ChromiumBrowser.ScreenshotAsync(PageWithKey(_env.Gateway), TimeSpan.FromSeconds(10)));

        Assert.Equal(1280, png.Width);
        Assert.Equal(900, png.Height);
        // A blank page is one colour; the dashboard has a background, cards, text in several colours, lines.
        Assert.True(png.DistinctColours() > 50, $"only {png.DistinctColours()} colours");
    }

    private static Uri PageWithKey(GatewayServer gateway) =>
        new UriBuilder(gateway.ManagementAddress!) { Fragment = "key=" + Uri.EscapeDataString(GatewayServer.ManagementKey) }.Uri;
}
