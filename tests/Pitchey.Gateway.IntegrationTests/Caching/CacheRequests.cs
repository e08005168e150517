using System.Net.Http.Headers;
using Pitchey.Gateway.Caching;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.Caching;

/// <summary>How the cache tests call a gateway and read what its cache did.</summary>
internal static class CacheRequests
{
    public static string? XCache(HttpResponseMessage response) =>
        response.Headers.TryGetValues(CacheConstants.Header, out var values) ? values.Single() : null;

    /// <summary>GET <paramref name="url"/>: status, X-Cache and body.</summary>
    public static async Task<(int Status, string? Cache, string Body)> GetAsync(GatewayServer gateway, string url, Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        change?.Invoke(request);
        using var response = await gateway.Client.SendAsync(request);
        return ((int)response.StatusCode, XCache(response), await response.Content.ReadAsStringAsync());
    }

    public static void Bearer(HttpRequestMessage request, string token) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public static void Cookie(HttpRequestMessage request, string cookie) => request.Headers.Add("Cookie", cookie);

    /// <summary>Makes the stand-in answer with <paramref name="name"/>: <paramref name="value"/>.</summary>
    public static void UpstreamHeader(HttpRequestMessage request, string name, string value) => request.Headers.Add("X-StandIn-Respond-" + name, value);

    /// <summary>
    /// POSTs through <paramref name="gateway"/> with a client that keeps no cookies: the gateway's own
    /// client would keep the write's <c>pitchey-lsn</c> cookie, and its reads would then (rightly) bypass the cache.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(GatewayServer gateway, string url)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = gateway.Address };
        return await client.PostAsync(url, new StringContent("{}"));
    }

    public static CacheFills Fills(GatewayServer gateway) => (CacheFills)gateway.Services.GetService(typeof(CacheFills))!;

    public static BackgroundRefresher Refresher(GatewayServer gateway) => (BackgroundRefresher)gateway.Services.GetService(typeof(BackgroundRefresher))!;

    /// <summary>A query string no other test uses, so its key starts cold.</summary>
    public static string Fresh(string prefix) => $"{prefix}{Guid.NewGuid():N}";
}
