using Pitchey.Gateway.Management;

namespace Pitchey.Gateway.Tests.Management;

public sealed class ApiKeyVerifierTests
{
    // printf %s test | sha256sum
    private const string TestHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private readonly ApiKeyVerifier _verifier = new(TestHash);

    [Fact]
    public void Hash_IsLowercaseHexSha256_AsSha256sumPrintsIt() => Assert.Equal(TestHash, ApiKeyVerifier.Hash("test"));

    [Theory]
    [InlineData("ApiKey test")]
    [InlineData("apikey test")]
    [InlineData("APIKEY  test ")]
    public void IsValid_TheKeyUnderTheApiKeyScheme_IsAccepted(string header) => Assert.True(_verifier.IsValid(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ApiKey")]
    [InlineData("ApiKey ")]
    [InlineData("ApiKey tesT")]
    [InlineData("ApiKey test2")]
    [InlineData("Bearer test")]
    [InlineData("ApiKeytest")]
    [InlineData("test")]
    public void IsValid_AnythingElse_IsRefused(string? header) => Assert.False(_verifier.IsValid(header));

    [Fact]
    public void IsValid_AnUppercaseConfiguredHash_MatchesTheSameKey() =>
        Assert.True(new ApiKeyVerifier(TestHash.ToUpperInvariant()).IsValid("ApiKey test"));
}
