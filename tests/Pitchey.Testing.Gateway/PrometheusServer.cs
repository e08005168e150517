using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Pitchey.Testing.Postgres;

namespace Pitchey.Testing.Gateway;

/// <summary>
/// A throwaway Prometheus (Debian's <c>prometheus</c>) on 127.0.0.1 and a free port, scraping one
/// target every second, with its storage in a temp folder removed on dispose: what proves the
/// gateway's <c>/metrics</c> is scrapable by the real thing.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private PrometheusServer(ServerProcess server, int port)
    {
        _server = server;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>A client of Prometheus' own HTTP API.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (<c>host:port</c>) at <c>/metrics</c>, sending <paramref name="apiKey"/> as <c>Authorization: ApiKey</c>.</summary>
    public static async Task<PrometheusServer> StartAsync(string target, string apiKey)
    {
        var executable = ServerProcess.Find("prometheus", "prometheus");
        var directory = ServerProcess.NewFolder("pitchey-prometheus-");
        // The key travels in a file, never on the command line.
        var keyFile = Path.Combine(directory, "api-key");
        await File.WriteAllTextAsync(keyFile, apiKey);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: pitchey-gateway
                metrics_path: /metrics
                authorization:
                  type: ApiKey
                  credentials_file: {keyFile}
                static_configs:
                  - targets: ['{target}']
            """);
        var port = Loopback.FreePort();
        var process = ServerProcess.Start(executable, directory,
        [
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--log.level=warn",
        ]);
        var server = new PrometheusServer(process, port);
        try
        {
            await Eventually.HoldsAsync(server.IsReadyAsync, "prometheus answers /-/ready", TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The result vector of an instant query (<c>/api/v1/query</c>): empty until the series exists.</summary>
    public async Task<JsonElement[]> QueryAsync(string promql)
    {
        var body = await Client.GetFromJsonAsync<JsonElement>($"api/v1/query?query={Uri.EscapeDataString(promql)}");
        Assert.Equal("success", body.GetProperty("status").GetString());
        return body.GetProperty("data").GetProperty("result").EnumerateArray().ToArray();
    }

    /// <summary>The scrape target's health as Prometheus last saw it (<c>up</c>, <c>down</c>, <c>unknown</c>) and its last error.</summary>
    public async Task<(string Health, string LastError)> TargetAsync()
    {
        var body = await Client.GetFromJsonAsync<JsonElement>("api/v1/targets");
        var target = body.GetProperty("data").GetProperty("activeTargets").EnumerateArray().FirstOrDefault();
        return target.ValueKind == JsonValueKind.Undefined
            ? ("unknown", "")
            : (target.GetProperty("health").GetString() ?? "", target.GetProperty("lastError").GetString() ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await Client.GetAsync("-/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
