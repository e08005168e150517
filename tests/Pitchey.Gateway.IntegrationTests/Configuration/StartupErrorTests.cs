using Pitchey.Gateway.Cli;
using Pitchey.Testing.Postgres;

namespace Pitchey.Gateway.IntegrationTests.Configuration;

/// <summary>A setting the operator got wrong stops the process with its name, exit code 78 and no stack trace.</summary>
public sealed class StartupErrorTests
{
    [Theory]
    [InlineData("--Management:Urls=https://0.0.0.0:8081", "Management:Urls")]
    [InlineData("--RateLimiting:Policies:api:PermitLimit=0", "RateLimiting:Policies:api:PermitLimit")]
    public async Task Serve_BadSetting_Exits78NamingIt_WithoutAStackTrace(string argument, string setting)
    {
        var environment = new Dictionary<string, string> { ["Database__Primary"] = "Host=127.0.0.1;Port=1;Database=none;Username=none" };

        var (exit, _, error) = await ToolProcess.RunAsync(ToolProcess.Gateway, ["--urls", "http://127.0.0.1:0", argument], environment);

        Assert.Equal(ExitCodes.Config, exit);
        Assert.Contains($"pitchey-gateway: configuration error: {setting}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_NoPrimary_Exits78NamingDatabasePrimary()
    {
        var (exit, _, error) = await ToolProcess.RunAsync(ToolProcess.Gateway, ["--urls", "http://127.0.0.1:0"]);

        Assert.Equal(ExitCodes.Config, exit);
        Assert.Contains("Database:Primary", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
