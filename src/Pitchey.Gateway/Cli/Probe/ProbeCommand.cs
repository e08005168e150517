using System.CommandLine;
using System.Globalization;
using Pitchey.Gateway.Cli.Migrate;
using Pitchey.Gateway.Configuration;

namespace Pitchey.Gateway.Cli.Probe;

/// <summary>
/// <c>probe [--url URL] [--timeout 3s]</c>: one GET, exit 0 on a 2xx answer and 1 on anything else
/// (the only two codes Docker's HEALTHCHECK understands). It exists because the ASP.NET runtime image
/// has no curl or wget, and a shell's <c>/dev/tcp</c> speaks no HTTP and is missing from chiseled
/// images, while the gateway's own binary is always there. Without <c>--url</c> it probes
/// <c>/health/live</c> on the address the gateway's settings listen on (<see cref="ProbeTarget"/>).
/// </summary>
internal static class ProbeCommand
{
    public const string Name = "probe";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    private static readonly Option<Uri?> Url = new("--url")
    {
        Description = $"absolute http:// URL to GET (default: {ProbeTarget.DefaultPath} on the first http:// entry of Urls, wildcard host as 127.0.0.1)",
        HelpName = "url",
        CustomParser = result =>
        {
            var value = result.Tokens[0].Value;
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }

            result.AddError($"--url must be an absolute http:// or https:// URL (got '{value}')");
            return null;
        },
    };

    private static readonly Option<TimeSpan?> Timeout = new("--timeout")
    {
        Description = "longest wait for the answer, e.g. 500ms, 3s (default 3s); a slower answer counts as unhealthy",
        HelpName = "duration",
        CustomParser = result =>
        {
            var value = result.Tokens[0].Value;
            if (MigrateOptions.ParseDuration(value) is { } duration && duration > TimeSpan.Zero)
            {
                return duration;
            }

            result.AddError($"--timeout must be a positive duration such as 500ms, 3s (got '{value}')");
            return null;
        },
    };

    public static Command Create(CliConsole console)
    {
        var command = new Command(Name, "GET the gateway's liveness endpoint once, for a container HEALTHCHECK. Exit codes: 0 answered 2xx, 1 anything else, 64 usage, 78 no address in Urls")
        {
            Url,
            Timeout,
            CommonOptions.ConfigDir,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, CancellationToken cancellationToken)
    {
        var url = parse.GetValue(Url);
        if (url is null)
        {
            var settings = GatewayConfiguration.ForVerbs(parse.GetValue(CommonOptions.ConfigDir));
            url = ProbeTarget.FromUrls(settings["Urls"]);
            if (url is null)
            {
                await console.Error.WriteLineAsync($"{Name}: Urls has no http:// address with a fixed port to probe; pass --url");
                return ExitCodes.Config;
            }
        }

        var timeout = parse.GetValue(Timeout) ?? DefaultTimeout;
        // No proxy (a container's HTTP_PROXY must not carry a loopback probe away) and no redirects:
        // the answer of this URL is the verdict.
        using var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectTimeout = timeout };
        using var client = new HttpClient(handler) { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{status} {url}"));
                return ExitCodes.Ok;
            }

            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Name}: {url} answered {status}"));
        }
        catch (HttpRequestException exception)
        {
            await console.Error.WriteLineAsync($"{Name}: {url} did not answer ({exception.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"{Name}: {url} did not answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }

        return ExitCodes.Unhealthy;
    }
}
