namespace Pitchey.Gateway.Errors;

/// <summary>Wiring for the gateway's own error answers.</summary>
internal static class ErrorsExtensions
{
    /// <summary>First in the pipeline: every exception after it is answered without its text (<see cref="UnhandledErrorMiddleware"/>).</summary>
    public static WebApplication UseGatewayErrors(this WebApplication app)
    {
        app.UseMiddleware<UnhandledErrorMiddleware>();
        return app;
    }
}
