using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using Pitchey.Gateway.Diagnostics;
using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.Diagnostics;

/// <summary>
/// The per-request Activity (and its log scope) exists only when something reads it. Seen from the
/// upstream: a request forwarded inside an Activity carries its <c>traceparent</c>, one forwarded
/// without none. The test's own log capture is kept off the hosting category, as a console-only
/// deployment would be.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class RequestDiagnosticsTests(SharedEnvironment shared)
{
    [Fact]
    public async Task PlainConsoleLogs_NoRequestActivity_NoTraceparentUpstream()
    {
        Assert.False(await ForwardedWithTraceparentAsync(_ => { }));
    }

    [Theory]
    [InlineData("Logging:Console:FormatterName", "json")]
    [InlineData("Logging:Console:IncludeScopes", "true")]
    [InlineData("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Warning")]
    public async Task SomethingReadsThem_TheActivityStays(string key, string value)
    {
        Assert.True(await ForwardedWithTraceparentAsync(settings => settings[key] = value));
    }

    private async Task<bool> ForwardedWithTraceparentAsync(Action<Dictionary<string, string?>> change)
    {
        var settings = shared.GatewaySettings();
        change(settings);
        await using var gateway = await shared.StartGatewayAsync(settings, services => services.Configure<LoggerFilterOptions>(options =>
            options.Rules.Add(new LoggerFilterRule(typeof(LogSink).FullName, RequestDiagnostics.HostingCategory, LogLevel.None, null))));

        var echo = await gateway.Client.GetFromJsonAsync<JsonElement>("/api/anything");

        return echo.GetProperty("headers").TryGetProperty("traceparent", out _);
    }
}
