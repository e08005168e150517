using Microsoft.Extensions.Options;
using Pitchey.Gateway;
using Pitchey.Gateway.Cli;
using Pitchey.Gateway.Runtime;

SocketCompletions.PreferInline(); // before any socket exists: .NET reads it once

if (await Verbs.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

try
{
    var app = GatewayApp.Build(Verbs.ServeArguments(args));
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException invalid)
{
    // A setting an operator got wrong: its name and what is wrong, not a stack trace (78 = EX_CONFIG).
    await Console.Error.WriteLineAsync($"pitchey-gateway: configuration error: {invalid.Message}");
    return ExitCodes.Config;
}
