using Pitchey.Gateway;

// Verbs other than `serve` (migrate, seed) are added by their features; serving is the default.
var app = GatewayApp.Build(args);
await app.RunAsync();
