using Pitchey.Gateway.Cli;
using Pitchey.LoadTests;
using Pitchey.LoadTests.Harness.Run;

if (args is [RunCommand.CommandName, ..])
{
    SocketEngine.PreferOneEventLoop(); // before the process's first socket
}

return await CliRunner.RunAsync(LoadTestCommand.Create(), args);
