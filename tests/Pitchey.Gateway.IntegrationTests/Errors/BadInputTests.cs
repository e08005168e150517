using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pitchey.Database.DataSources;
using Pitchey.Database.Routing;
using Pitchey.Gateway.IntegrationTests.ApiEndpoints;
using Pitchey.Testing.Postgres;
using static Pitchey.Gateway.IntegrationTests.ApiEndpoints.ApiRequests;

namespace Pitchey.Gateway.IntegrationTests.Errors;

/// <summary>
/// What a client sends the tuned endpoints never makes a 5xx: text PostgreSQL refuses (NUL), huge
/// values, repeated parameters and odd encodings are a 400 <c>VALIDATION_ERROR</c> naming the
/// parameter, and none of them reaches the database.
/// </summary>
[Collection(ApiEndpointsCollection.Name)]
public sealed class BadInputTests(ApiEndpointsEnvironment env)
{
    private HttpClient Client => env.Gateway.Client;

    [Theory]
    [InlineData("/api/pitches/browse/enhanced?genre=%00", "genre")]
    [InlineData("/api/pitches/browse/enhanced?format=a%00b", "format")]
    [InlineData("/api/pitches/browse/enhanced?stage=%00", "stage")]
    [InlineData("/api/pitches/browse/enhanced?cursor=%00", "cursor")]
    [InlineData("/api/search?q=x%00", "q")]
    [InlineData("/api/pitches/search?q=x&genre=Drama%00", "genre")]
    [InlineData("/api/pitches/search?q=x&format=%00%00", "format")]
    public async Task Nul_IsA400NamingTheParameter_AndNoQueryRuns(string url, string parameter)
    {
        var before = await GatewayQueriesAsync();

        using var response = await Client.GetAsync(url);

        await AssertValidationErrorAsync(response, parameter);
        Assert.Equal(before, await GatewayQueriesAsync());
    }

    [Theory]
    [InlineData("/api/pitches/browse/enhanced?genre=Drama&genre=Comedy", "genre")]
    [InlineData("/api/pitches/browse/enhanced?limit=99999999999999999999", "limit")]
    [InlineData("/api/pitches/browse/enhanced?limit=-1", "limit")]
    [InlineData("/api/pitches/browse/enhanced?offset=1e9", "offset")]
    [InlineData("/api/pitches/browse/enhanced?budgetMin=1e999", "budgetMin")]
    [InlineData("/api/pitches/browse/enhanced?budgetMax=NaN", "budgetMax")]
    [InlineData("/api/pitches/browse/enhanced?sort=%FF%FE", "sort")]
    [InlineData("/api/pitches/browse/enhanced?page=0", "page")]
    [InlineData("/api/search?q=a&q=b", "q")]
    [InlineData("/api/search?q=x&page=99999999999", "page")]
    [InlineData("/api/search?q=x&limit=%2B1", "limit")]
    public async Task HugeRepeatedOrOddValues_AreA400NamingTheParameter(string url, string parameter) =>
        await AssertValidationErrorAsync(await Client.GetAsync(url), parameter);

    [Fact]
    public async Task HugeText_IsA400NamingTheParameter()
    {
        await AssertValidationErrorAsync(await Client.GetAsync("/api/search?q=" + new string('a', 5000)), "q");
        await AssertValidationErrorAsync(await Client.GetAsync("/api/pitches/browse/enhanced?genre=" + new string('g', 5000)), "genre");
    }

    [Theory]
    [InlineData("%C0%80")]
    [InlineData("%ED%A0%80")]
    [InlineData("%F4%90%80%80")]
    [InlineData("%E2%80%AE%E2%80%8B")]
    [InlineData("%25%30%30")]
    [InlineData("%u0000")]
    public async Task OddEncodings_AreNeverAServerError(string text)
    {
        foreach (var url in new[] { $"/api/search?q={text}", $"/api/pitches/browse/enhanced?genre={text}", $"/api/pitches/search?q=x&format={text}" })
        {
            using var response = await Client.GetAsync(url);
            Assert.True((int)response.StatusCode is 200 or 400, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("pitchey-session=abc%00def")]
    [InlineData("better-auth-session=%00")]
    public async Task SessionToken_WithNul_IsUnauthorized(string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/session");
        request.Headers.Add("Cookie", cookie);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task AssertValidationErrorAsync(HttpResponseMessage response, string parameter)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await JsonAsync(response);
            Assert.False(body.GetProperty("success").GetBoolean());
            Assert.Equal("VALIDATION_ERROR", body.GetProperty("error").GetProperty("code").GetString());
            Assert.StartsWith(parameter + " ", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            SecretAssert.Clean(text);
        }
    }

    /// <summary>Connections the gateway's router has opened for reads (every tuned query takes one).</summary>
    private Task<long> GatewayQueriesAsync()
    {
        var router = (DatabaseRouter)env.Gateway.Services.GetRequiredService<IDatabaseRouter>();
        var hosts = env.Gateway.Services.GetRequiredService<DatabaseHosts>();
        return Task.FromResult(router.ConnectionAttempts(hosts.Primary));
    }
}
