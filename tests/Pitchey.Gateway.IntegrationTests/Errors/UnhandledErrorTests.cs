using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pitchey.Database.Routing;
using Pitchey.Testing.Gateway;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Errors;

/// <summary>
/// A bug in the gateway is a 500 in the API's envelope on <c>/api/...</c> and problem+json
/// elsewhere, with no exception text, in Development too (where ASP.NET Core would show its
/// exception page); the stack trace is in the log only.
/// </summary>
[Collection(SharedEnvironmentCollection.Name)]
public sealed class UnhandledErrorTests(SharedEnvironment shared)
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Exception_OnApiPath_IsTheEnvelope_WithoutItsText(string environment)
    {
        await using var gateway = await StartAsync(environment);
        Assert.Equal(environment, gateway.Services.GetRequiredService<IWebHostEnvironment>().EnvironmentName);

        using var response = await gateway.Client.GetAsync("/api/search?q=anything");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("INTERNAL_ERROR", body.GetProperty("error").GetProperty("code").GetString());
        AssertNoExceptionText(text);
        AssertLoggedWithStackTrace(gateway);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Exception_OffApiPath_IsProblemJson_WithoutItsText(string environment)
    {
        await using var gateway = await StartAsync(environment);

        using var response = await gateway.Client.GetAsync("/_boom");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal("INTERNAL_ERROR", problem.GetProperty("code").GetString());
        AssertNoExceptionText(text);
        AssertLoggedWithStackTrace(gateway);
    }

    private Task<GatewayServer> StartAsync(string environment)
    {
        var settings = shared.GatewaySettings();
        settings[ThrowingEndpoint.ProxyPathSetting] = ThrowingEndpoint.ProxyPath;
        return shared.StartGatewayAsync(settings, services =>
        {
            services.RemoveAll<IDatabaseRouter>();
            services.AddSingleton<IDatabaseRouter, ThrowingRouter>();
            services.AddTransient<IStartupFilter, ThrowingEndpoint>();
        }, args: ["--environment", environment]);
    }

    private static void AssertNoExceptionText(string text)
    {
        SecretAssert.Clean(text);
        Assert.DoesNotContain("7f3a9c", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The log has the exception, its text and its stack.</summary>
    private static void AssertLoggedWithStackTrace(GatewayServer gateway)
    {
        var line = Assert.Single(gateway.Logs.Lines, l => l.Contains("UnhandledException", StringComparison.Ordinal));
        Assert.Contains("InvalidOperationException", line, StringComparison.Ordinal);
        Assert.Contains("7f3a9c", line, StringComparison.Ordinal);
        Assert.Contains("   at ", line, StringComparison.Ordinal);
    }
}
