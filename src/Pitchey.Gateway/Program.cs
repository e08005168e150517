using Pitchey.Gateway;
using Pitchey.Gateway.Cli;

if (await Verbs.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var app = GatewayApp.Build(Verbs.ServeArguments(args));
await app.RunAsync();
return 0;
