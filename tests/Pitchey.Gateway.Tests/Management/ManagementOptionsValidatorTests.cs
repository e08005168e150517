using Pitchey.Gateway.Management;

namespace Pitchey.Gateway.Tests.Management;

public sealed class ManagementOptionsValidatorTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private readonly ManagementOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreLoopback8081_NoKey_MetricsGuarded_AndValid()
    {
        var options = new ManagementOptions();

        Assert.Equal("http://127.0.0.1:8081", options.Urls);
        Assert.Null(options.ApiKeySha256);
        Assert.False(options.Enabled);
        Assert.False(options.MetricsAnonymous);
        Assert.Empty(options.AllowedHosts);
        Assert.Equal(TimeSpan.FromMinutes(30), options.HistoryWindow);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HistoryInterval);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8081")]
    [InlineData("http://gateway.internal:8081")]
    [InlineData("http://127.0.0.1")]
    [InlineData("http://localhost:0")]
    [InlineData("127.0.0.1:8081")]
    [InlineData("")]
    public void Validate_AnUnusableUrl_NamesTheKeyAndTheEntry_NotTheValue(string urls)
    {
        var result = _validator.Validate(null, new ManagementOptions { Urls = urls, ApiKeySha256 = Hash });

        Assert.Equal(
            "Management:Urls entry 1 is not an http://host:port address with an IP address, localhost or * as host "
            + "(https is not served here: put TLS in front; localhost needs a fixed port).",
            result.FailureMessage);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8081;http://[::1]:8081")]
    [InlineData("http://*:8081")]
    [InlineData("http://0.0.0.0:8081")]
    [InlineData("http://localhost:8081")]
    [InlineData("http://127.0.0.1:0")]
    public void Validate_UsableUrls_Pass(string urls) =>
        Assert.True(_validator.Validate(null, new ManagementOptions { Urls = urls, ApiKeySha256 = Hash }).Succeeded);

    [Fact]
    public void Validate_SecondEntryBad_NamesEntryTwo()
    {
        var result = _validator.Validate(null, new ManagementOptions { Urls = "http://127.0.0.1:8081;ftp://127.0.0.1:21" });

        Assert.StartsWith("Management:Urls entry 2 is not", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the-key-itself")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void Validate_AKeyHashThatIsNot64HexDigits_NamesTheKey_NeverTheValue(string hash)
    {
        var result = _validator.Validate(null, new ManagementOptions { ApiKeySha256 = hash });

        Assert.Equal(
            "Management:ApiKeySha256 must be 64 hexadecimal characters: the SHA-256 of the key (sha256sum), never the key itself.",
            result.FailureMessage);
        Assert.DoesNotContain(hash, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UppercaseHash_IsAccepted() =>
        Assert.True(_validator.Validate(null, new ManagementOptions { ApiKeySha256 = Hash.ToUpperInvariant() }).Succeeded);

    [Fact]
    public void Validate_ABlankOrPathLikeAllowedHost_NamesItsIndex()
    {
        var options = new ManagementOptions { ApiKeySha256 = Hash };
        options.AllowedHosts.Add("gateway.internal");
        options.AllowedHosts.Add(" ");
        options.AllowedHosts.Add("http://x/");

        var result = _validator.Validate(null, options);

        Assert.Equal(
            [
                "Management:AllowedHosts:1 must be a host name or address, without scheme or path.",
                "Management:AllowedHosts:2 must be a host name or address, without scheme or path.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_HistoryOutOfRange_NamesBothKeysAndTheirBounds()
    {
        var result = _validator.Validate(null, new ManagementOptions { HistoryWindow = TimeSpan.FromDays(2), HistoryInterval = TimeSpan.Zero });

        Assert.Equal(
            [
                "Management:HistoryWindow must be between 00:01:00 and 1.00:00:00.",
                "Management:HistoryInterval must be between 00:00:01 and 00:05:00.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_TooManySamples_IsRefused()
    {
        var result = _validator.Validate(null, new ManagementOptions { HistoryWindow = TimeSpan.FromHours(24), HistoryInterval = TimeSpan.FromSeconds(1) });

        Assert.Equal("Management:HistoryWindow divided by HistoryInterval must be at most 20000 samples.", result.FailureMessage);
    }
}
