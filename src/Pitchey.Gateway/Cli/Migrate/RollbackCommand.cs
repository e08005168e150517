using System.CommandLine;
using Pitchey.Migrations.Running;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary><c>migrate rollback</c>: drops, newest first, the indexes this tool built (all, one phase, or those after a step).</summary>
internal static class RollbackCommand
{
    public static Command Create(CliConsole console)
    {
        var command = MigrateSession.Define(
            console, "rollback", "drop what this tool built, newest first (--phase N | --to STEP)", RunAsync,
            MigrateOptions.Phase, MigrateOptions.ToStep, MigrateOptions.LockTimeout, MigrateOptions.LockBudget);
        command.Validators.Add(result =>
        {
            if (result.GetResult(MigrateOptions.Phase) is not null && result.GetResult(MigrateOptions.ToStep) is not null)
            {
                result.AddError("--phase and --to cannot be combined");
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(MigrateSession session, ParseResult parse, CancellationToken cancellationToken)
    {
        if (await session.RequireDatabaseAsync() is not { } source)
        {
            return ExitCodes.Unavailable;
        }

        var phase = parse.GetValue(MigrateOptions.Phase);
        var toStep = parse.GetValue(MigrateOptions.ToStep);
        var result = await MigrationProgress.RunAsync(session.Console, reporter =>
            new MigrationRunner(source, session.Options, TimeProvider.System, reporter).RollbackAsync(phase, toStep, cancellationToken));
        await MigrateOutput.PrintResultAsync(session.Console, result, "dropped", result.Dropped);
        return result.ExitCode;
    }
}
