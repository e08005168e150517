using System.Globalization;
using System.Text.RegularExpressions;
using Pitchey.Gateway.Caching;
using static Pitchey.Gateway.IntegrationTests.Caching.CacheRequests;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>
/// The cache's bounds on real HTTP: an answer larger than <c>Cache:MaxEntrySize</c> is answered
/// whole but never kept; past <c>Cache:SizeLimit</c> the least recently used entries go, the
/// newest stays, the store holds no more than its limit and the evictions are counted. The stand-in
/// echoes the request's headers, so a padding header sets the size of its answer.
/// </summary>
[Collection(CacheCollection.Name)]
public sealed partial class BoundsTests(CacheEnvironment env)
{
    private const long SizeLimit = 1024 * 1024;

    [Fact]
    public async Task AnswerLargerThanMaxEntrySize_IsAnsweredWhole_ButNeverKept()
    {
        var settings = env.GatewaySettings();
        settings["Cache:MaxEntrySize"] = "16384";
        await using var gateway = await env.StartGatewayAsync(settings);
        var large = $"/api/pitches/public/45?{Fresh("k=")}";
        var small = $"/api/pitches/public/45?{Fresh("k=")}";
        var before = await env.StandIn.RequestCountAsync();

        for (var i = 0; i < 2; i++)
        {
            var answer = await GetAsync(gateway, large, r => Pad(r, 20_000));
            Assert.Equal((200, "MISS"), (answer.Status, answer.Cache));
            Assert.True(answer.Body.Length > 20_000, $"{answer.Body.Length} characters answered");
        }

        Assert.Equal("MISS", (await GetAsync(gateway, small, r => Pad(r, 1_000))).Cache);
        Assert.Equal("HIT", (await GetAsync(gateway, small, r => Pad(r, 1_000))).Cache);
        Assert.Equal(before + 3, await env.StandIn.RequestCountAsync());
    }

    [Fact]
    public async Task PastTheSizeLimit_TheLeastRecentlyUsedGo_TheNewestStays_AndTheEvictionsAreCounted()
    {
        var settings = env.GatewaySettings();
        settings["Cache:SizeLimit"] = SizeLimit.ToString(CultureInfo.InvariantCulture);
        settings["Cache:MaxEntrySize"] = "65536";
        await using var gateway = await env.StartGatewayAsync(settings);
        var store = (MemoryResponseCacheStore)gateway.Services.GetService(typeof(MemoryResponseCacheStore))!;
        // 60 answers of about 24 KB: about 1.4 MiB in all, more than the limit.
        var urls = Enumerable.Range(0, 60).Select(_ => $"/api/pitches/public/46?{Fresh("k=")}").ToArray();

        foreach (var url in urls)
        {
            Assert.Equal("MISS", (await GetAsync(gateway, url, r => Pad(r, 24_000))).Cache);
            Assert.True(store.Bytes <= SizeLimit, $"{store.Bytes} bytes held");
        }

        Assert.Equal("HIT", (await GetAsync(gateway, urls[^1], r => Pad(r, 24_000))).Cache);
        Assert.Equal("MISS", (await GetAsync(gateway, urls[0], r => Pad(r, 24_000))).Cache);
        Assert.InRange(store.Count, 1, urls.Length - 1);
        var exposition = await gateway.Management.GetStringAsync("/metrics");
        var evicted = SizeEvictions().Matches(exposition).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.True(evicted > 0, "no size eviction counted");
    }

    private static void Pad(HttpRequestMessage request, int characters) => request.Headers.Add("X-Pad", new string('p', characters));

    [GeneratedRegex("""^pitchey_cache_evictions_total\{[^}]*reason="size"[^}]*\} ([0-9.eE+]+)""", RegexOptions.Multiline)]
    private static partial Regex SizeEvictions();
}
