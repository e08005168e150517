using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Pitchey.Gateway.IntegrationTests.Errors;

/// <summary>
/// A bug off the API's paths: <c>/_boom</c>, after the gateway's own pipeline (tests narrow the
/// proxy route to <c>/api/</c> so the path is not forwarded), throws <see cref="ThrowingRouter.Text"/>.
/// </summary>
internal sealed class ThrowingEndpoint : IStartupFilter
{
    public const string ProxyPathSetting = "ReverseProxy:Routes:api:Match:Path";
    public const string ProxyPath = "/api/{**catch-all}";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Run(_ => throw new InvalidOperationException(ThrowingRouter.Text));
    };
}
