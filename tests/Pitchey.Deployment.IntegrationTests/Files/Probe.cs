using Pitchey.Testing.Postgres;

namespace Pitchey.Deployment.IntegrationTests.Files;

/// <summary>A probe as a load balancer or the kubelet sends it: a GET of a path with its own headers (Host among them).</summary>
internal static class Probe
{
    public static async Task<int> StatusAsync(HttpClient client, string path, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.Add(name, value);
            }
        }

        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>Waits (bounded) for 200: readiness answers 503 until the probe cache has its first report.</summary>
    public static Task AnswersOkAsync(HttpClient client, string path, IReadOnlyDictionary<string, string> headers) =>
        Eventually.HoldsAsync(async () => await StatusAsync(client, path, headers) == 200, $"{path} answers 200");
}
