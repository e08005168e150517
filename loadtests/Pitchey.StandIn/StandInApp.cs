namespace Pitchey.StandIn;

/// <summary>
/// A real Kestrel app playing the existing API: it echoes what it received, and its fault
/// switches (latency, error rate, hang, connection reset) let tests make it misbehave.
/// Public: the test helpers host it in-process, the way <c>Program</c> does.
/// </summary>
public static class StandInApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["Urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        }

        builder.Services.AddSingleton<FaultSwitch>();
        builder.Services.AddSingleton<RequestCounter>();

        var app = builder.Build();
        app.MapControlEndpoints();
        app.MapEcho();
        return app;
    }
}
