using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pitchey.Database.Queries;
using Pitchey.Gateway.ApiEndpoints;

namespace Pitchey.Gateway.Tests.ApiEndpoints;

public sealed class SessionKeyFeatureTests
{
    [Fact]
    public void Of_HashedTokens_HashesOncePerRequest()
    {
        using var sessions = new SessionQuery(Options.Create(new TunedQueryOptions { HashedSessionTokens = true }), TimeProvider.System);
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer token-1";

        var first = SessionKeyFeature.Of(context, sessions);
        context.Request.Headers.Authorization = "Bearer token-2";
        var again = SessionKeyFeature.Of(context, sessions);

        Assert.Equal(SessionQuery.HashToken("token-1"), first);
        // Worked out once: the same string, not a second hash (the token cannot change within a request).
        Assert.Same(first, again);
    }

    [Fact]
    public void Of_NoToken_IsNullAndRemembered()
    {
        using var sessions = new SessionQuery(Options.Create(new TunedQueryOptions()), TimeProvider.System);
        var context = new DefaultHttpContext();

        Assert.Null(SessionKeyFeature.Of(context, sessions));
        Assert.NotNull(context.Features.Get<SessionKeyFeature>());
    }
}
