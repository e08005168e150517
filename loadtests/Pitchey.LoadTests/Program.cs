using Pitchey.Gateway.Cli;
using Pitchey.LoadTests;

return await CliRunner.RunAsync(LoadTestCommand.Create(), args);
