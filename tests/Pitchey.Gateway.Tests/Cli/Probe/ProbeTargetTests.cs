using Pitchey.Gateway.Cli.Probe;

namespace Pitchey.Gateway.Tests.Cli.Probe;

public sealed class ProbeTargetTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/health/live")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/health/live")]
    [InlineData("http://*:9000", "http://127.0.0.1:9000/health/live")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/health/live")]
    [InlineData("http://localhost:5000", "http://localhost:5000/health/live")]
    [InlineData("http://10.1.2.3:8080/", "http://10.1.2.3:8080/health/live")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080/health/live")]
    [InlineData("http://0.0.0.0", "http://127.0.0.1:80/health/live")]
    [InlineData("https://0.0.0.0:8443; http://0.0.0.0:8080", "http://127.0.0.1:8080/health/live")]
    [InlineData("HTTP://0.0.0.0:8080", "http://127.0.0.1:8080/health/live")]
    public void FromUrls_FirstHttpEntry_WildcardHostAsLoopback(string urls, string expected) =>
        Assert.Equal(new Uri(expected), ProbeTarget.FromUrls(urls));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://0.0.0.0:8443")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://0.0.0.0:http")]
    [InlineData("http://0.0.0.0:70000")]
    public void FromUrls_NoHttpEntryWithAFixedPort_IsNull(string? urls) => Assert.Null(ProbeTarget.FromUrls(urls));

    [Fact]
    public void FromUrls_OtherPath_IsProbedThere() =>
        Assert.Equal(new Uri("http://127.0.0.1:8080/health/ready"), ProbeTarget.FromUrls("http://0.0.0.0:8080", "/health/ready"));
}
