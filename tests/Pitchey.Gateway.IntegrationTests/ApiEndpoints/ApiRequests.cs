using System.Net.Http.Headers;
using System.Text.Json;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary>How the API endpoint tests call the endpoints and read their answers.</summary>
internal static class ApiRequests
{
    /// <summary>The rows browse and search show: published and public.</summary>
    public const string Visible = "status = 'published' AND visibility = 'public'";

    public static HttpRequestMessage WithCookie(string url, string cookie, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"{cookie}={token}");
        return request;
    }

    public static HttpRequestMessage WithBearer(string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static List<long> Ids(JsonElement body, string property) =>
        body.GetProperty(property).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
}
