using Pitchey.StandIn;

// The stand-in for the existing API: `dotnet Pitchey.StandIn.dll --urls http://127.0.0.1:5080`.
var app = StandInApp.Build(args);
await app.RunAsync();
