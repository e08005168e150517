using Pitchey.Gateway.Cli;
using Pitchey.LoadTests.Harness.Run;
using Pitchey.LoadTests.Harness.Scenarios;
using Pitchey.Testing.Gateway;

namespace Pitchey.LoadTests.IntegrationTests.Harness;

/// <summary>
/// A scenario's timed action during a real run: half-way through, the stand-in's fault switch turns
/// every answer into a 503. The event is logged, the errors are counted by status, and the requests
/// before it succeeded. Counts only; the action's time is the scenario's business.
/// </summary>
public sealed class TimedActionRunTests
{
    [Fact]
    public async Task Run_ActionHalfWay_EventLoggedAndItsErrorsCountedByStatus()
    {
        await using var standIn = await StandInServer.StartAsync();
        var root = LoadTestCommand.Create();
        var parse = root.Parse(["run", "pass-through", "--target", standIn.Address.ToString(), "--rate", "200", "--connections", "2",
            "--duration", "2s", "--warmup", "0s"]);
        var settings = ((RunCommand)root.Subcommands.Single(command => command.Name == RunCommand.CommandName)).Bind(parse) with
        {
            Out = Directory.CreateTempSubdirectory("pitchey-run-").FullName,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var scenario = new FaultsHalfWay(standIn);

        try
        {
            var exit = await new RunSession(settings, scenario, new CliConsole(output, error, Interactive: false), null, null).RunAsync(CancellationToken.None);

            Assert.True(exit == ExitCodes.Ok, output + error.ToString());
            using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(settings.Out, "report.json")));
            var json = report.RootElement;
            var logged = Assert.Single(json.GetProperty("events").EnumerateArray());
            Assert.Equal("faults on", logged.GetProperty("name").GetString());
            Assert.Equal("every answer 503", logged.GetProperty("detail").GetString());
            var total = json.GetProperty("targets")[0].GetProperty("total");
            HarnessRun.AssertConsistent(total);
            var errors = total.GetProperty("errors");
            Assert.True(total.GetProperty("ok").GetInt64() > 0, "nothing succeeded before the faults");
            Assert.True(errors.GetProperty("total").GetInt64() > 0, "nothing failed after the faults");
            Assert.Equal(errors.GetProperty("total").GetInt64(), errors.GetProperty("status").GetProperty("503").GetInt64());
            Assert.Equal(errors.GetProperty("total").GetInt64(), total.GetProperty("statuses").GetProperty("503").GetInt64());
            Assert.Contains("event at ", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(settings.Out, recursive: true);
        }
    }

    private sealed class FaultsHalfWay(StandInServer standIn) : IScenario
    {
        public string Name => "faults-half-way";

        public string Description => "one GET; the stand-in fails every request from half-way on";

        public string? Validate(RunSettings settings) => null;

        public Task<ScenarioPlan> PrepareAsync(ScenarioContext context, CancellationToken cancellationToken) => Task.FromResult(new ScenarioPlan(
            [new ScenarioRequest("get", 1, HttpRequestTemplate.Get("/api/x"))],
            [new TimedAction(0.5, "faults on", async _ =>
            {
                await standIn.SetFaultsAsync(new { errorRate = 1.0, status = 503 });
                return "every answer 503";
            })],
            []));
    }
}
