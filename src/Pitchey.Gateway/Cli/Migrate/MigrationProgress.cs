using Pitchey.Migrations.Running;
using Spectre.Console;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>Runs apply or rollback with the reporter that fits the console: progress bars on a terminal, plain lines otherwise.</summary>
internal static class MigrationProgress
{
    public static async Task<MigrationResult> RunAsync(CliConsole console, Func<IMigrationReporter, Task<MigrationResult>> run)
    {
        if (!console.Interactive)
        {
            return await run(new PlainMigrationReporter(console.Output));
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Output),
            Interactive = InteractionSupport.Yes,
        });
        return await terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(context => run(new TerminalMigrationReporter(terminal, context)));
    }
}
