using Yarp.ReverseProxy.Configuration;

// The reference point for the forwarding benchmark: YARP with default settings and one catch-all
// route, nothing else. Logging is what the ASP.NET Core template's appsettings.json sets
// (Microsoft.AspNetCore at Warning) plus YARP's per-request Information logs turned down, as in the
// gateway, so the comparison measures proxying and not console output.
//   dotnet Pitchey.BareProxy.dll --urls http://127.0.0.1:5181 --upstream http://127.0.0.1:5180/
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Yarp", LogLevel.Warning);
var upstream = builder.Configuration["upstream"] ?? "http://127.0.0.1:5080/";
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "api", Match = new RouteMatch { Path = "{**catch-all}" } }],
    [new ClusterConfig { ClusterId = "api", Destinations = new Dictionary<string, DestinationConfig> { ["d1"] = new() { Address = upstream } } }]);
var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
