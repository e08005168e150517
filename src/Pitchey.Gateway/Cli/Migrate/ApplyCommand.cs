using System.CommandLine;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Running;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// <c>migrate apply &lt;file&gt;</c>: lints against the live catalog and refuses on an error it cannot fix,
/// then builds each index CONCURRENTLY with progress, throttled on replica lag and load, and validates
/// the representative queries' plans after. Exit 0 done, 1 conflicts, statements not run or plan
/// regressions, 2 failed (a step, a critical limit, or the throttle's wait budget).
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CliConsole console) => MigrateSession.Define(
        console, "apply", "build the indexes CONCURRENTLY, resumable (--phase N: one phase only)", RunAsync,
        MigrateOptions.File, MigrateOptions.Phase, MigrateOptions.LockTimeout, MigrateOptions.LockBudget, MigrateOptions.Replica);

    private static async Task<int> RunAsync(MigrateSession session, ParseResult parse, CancellationToken cancellationToken)
    {
        var phase = parse.GetValue(MigrateOptions.Phase);
        var (script, source, exit) = await session.OpenScriptAsync(parse.GetRequiredValue(MigrateOptions.File), phase, cancellationToken);
        if (script is null || source is null)
        {
            return exit;
        }

        if (await session.OpenReplicasAsync(parse.GetValue(MigrateOptions.Replica)) is not { } replicas)
        {
            return ExitCodes.Config;
        }

        CatalogSnapshot catalog;
        await using (var connection = await source.OpenConnectionAsync(cancellationToken))
        {
            catalog = await CatalogSnapshot.ReadAsync(connection, cancellationToken);
        }

        var report = MigrationLint.Run(script, catalog);
        await MigrateOutput.PrintFindingsAsync(session.Output, script, report, LintSeverity.Warning);
        if (report.BlocksApply)
        {
            await session.Error.WriteLineAsync("apply refused: the lint found errors apply cannot fix (see above); nothing was changed");
            return ExitCodes.Failed;
        }

        var result = await MigrationProgress.RunAsync(session.Console, reporter =>
            new MigrationRunner(source, session.Options, TimeProvider.System, reporter, replicas).ApplyAsync(script, report, phase, cancellationToken));
        await MigrateOutput.PrintImpactAsync(session.Console, result);
        await MigrateOutput.PrintResultAsync(session.Console, result, "built", result.Built);
        return result.ExitCode;
    }
}
