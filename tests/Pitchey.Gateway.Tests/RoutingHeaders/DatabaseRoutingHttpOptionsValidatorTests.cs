using Pitchey.Gateway.RoutingHeaders;

namespace Pitchey.Gateway.Tests.RoutingHeaders;

public sealed class DatabaseRoutingHttpOptionsValidatorTests
{
    private readonly DatabaseRoutingHttpOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_ReadYourWritesOnHeaderOffOneMinuteCookie_AndValid()
    {
        var options = new DatabaseRoutingHttpOptions();

        Assert.True(options.ReadYourWrites);
        Assert.False(options.DecisionHeader);
        Assert.Equal(TimeSpan.FromSeconds(60), options.LsnCookieMaxAge);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("01:00:01")]
    public void Validate_CookieMaxAgeOutOfRange_NamesTheSettingAndItsBounds(string maxAge)
    {
        var result = _validator.Validate(null, new DatabaseRoutingHttpOptions { LsnCookieMaxAge = TimeSpan.Parse(maxAge, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal("Database:Routing:Http:LsnCookieMaxAge must be between 00:00:01 and 01:00:00.", result.FailureMessage);
    }

    [Fact]
    public void Validate_ShortSigningKey_NamesTheSettingNeverTheValue()
    {
        var result = _validator.Validate(null, new DatabaseRoutingHttpOptions { LsnSigningKey = "short-key" });

        Assert.Equal("Database:Routing:Http:LsnSigningKey must be at least 32 characters.", result.FailureMessage);
    }
}
