using System.CommandLine;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// <c>migrate lint|plan|apply|status|rollback|verify</c>: one thin presenter per sub-command; the work
/// happens in Pitchey.Migrations. Ctrl-C (or SIGTERM) cancels the running build cleanly and says what
/// state it left (<see cref="CliCancellation"/>); a second Ctrl-C kills the process.
/// </summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static Command Create(CliConsole console) => new(Name,
        "index migrations that never block writes for longer than the lock timeout. Exit codes: 0 ok, "
        + "1 warnings/conflicts/findings, 2 errors or a failed step, 64 usage, 69 database unreachable, "
        + "78 bad settings, 130 cancelled (Ctrl-C)")
    {
        LintCommand.Create(console),
        PlanCommand.Create(console),
        ApplyCommand.Create(console),
        StatusCommand.Create(console),
        RollbackCommand.Create(console),
        VerifyCommand.Create(console),
    };
}
