using System.Net;
using System.Text.Json;
using Pitchey.Testing.Postgres;
using static Pitchey.Gateway.IntegrationTests.ApiEndpoints.ApiRequests;

namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary>The error envelopes of the API endpoints over real HTTP: a bad parameter is a 400 naming it; a database that is down is a 503, never its connection string.</summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class ApiErrorsTests(ApiEndpointsEnvironment env)
{
    private HttpClient Client => env.Gateway.Client;

    [Theory]
    [InlineData("/api/pitches/browse/enhanced?limit=0", "limit")]
    [InlineData("/api/pitches/browse/enhanced?limit=1000", "limit")]
    [InlineData("/api/pitches/browse/enhanced?offset=-1", "offset")]
    [InlineData("/api/pitches/browse/enhanced?offset=999999999", "offset")]
    [InlineData("/api/pitches/browse/enhanced?page=abc", "page")]
    [InlineData("/api/pitches/browse/enhanced?sort=rating", "sort")]
    [InlineData("/api/pitches/browse/enhanced?order=sideways", "order")]
    [InlineData("/api/pitches/browse/enhanced?budgetMin=cheap", "budgetMin")]
    [InlineData("/api/pitches/browse/enhanced?budgetMax=-5", "budgetMax")]
    [InlineData("/api/pitches/browse/enhanced?cursor=AAAA", "cursor")]
    [InlineData("/api/pitches/browse/enhanced?cursor=%25%25%25", "cursor")]
    [InlineData("/api/pitches/search?q=x&limit=abc", "limit")]
    [InlineData("/api/search?q=x&page=-2", "page")]
    public async Task BadParameters_Answer400NamingTheParameter(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.StartsWith(parameter + " ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseDown_Answers503WithTheEnvelope()
    {
        var settings = env.GatewaySettings();
        settings["Database:Primary"] = Loopback.UnreachableDatabase();
        await using var gateway = await env.StartGatewayAsync(settings);

        using var response = await gateway.Client.GetAsync("/api/pitches/browse/enhanced");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(PostgresCluster.Password, text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("DATABASE_UNAVAILABLE", body.GetProperty("error").GetProperty("code").GetString());
    }
}
