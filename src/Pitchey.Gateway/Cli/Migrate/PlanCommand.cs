using System.CommandLine;
using System.Globalization;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Planning;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// <c>migrate plan &lt;file&gt;</c>: what apply would do, phase by phase, with each table's size, the
/// index's state and the rollback. Exit 0, 1 with warnings or conflicts, 2 when apply would refuse.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console) => MigrateSession.Define(
        console, "plan", "show what apply would do, phase by phase, with table sizes and rollbacks", RunAsync,
        MigrateOptions.File, MigrateOptions.Phase);

    private static async Task<int> RunAsync(MigrateSession session, ParseResult parse, CancellationToken cancellationToken)
    {
        var phase = parse.GetValue(MigrateOptions.Phase);
        var (script, source, exit) = await session.OpenScriptAsync(parse.GetRequiredValue(MigrateOptions.File), phase, cancellationToken);
        if (script is null || source is null)
        {
            return exit;
        }

        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        var catalog = await CatalogSnapshot.ReadAsync(connection, cancellationToken);
        var report = MigrationLint.Run(script, catalog);
        await MigrateOutput.PrintFindingsAsync(session.Output, script, report, LintSeverity.Warning);
        var steps = MigrationPlanner.Plan(report, catalog, phase);
        foreach (var group in steps.GroupBy(s => s.Phase))
        {
            await PrintPhaseAsync(session.Output, group.Key, group.ToList());
        }

        if (report.BlocksApply)
        {
            await session.Output.WriteLineAsync("apply would refuse this file: fix the errors above first");
            return ExitCodes.Failed;
        }

        return steps.Any(s => s.Action.StartsWith("skip (conflict", StringComparison.Ordinal)) || report.HasWarnings ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static async Task PrintPhaseAsync(TextWriter output, int phase, IReadOnlyList<PlanStep> steps)
    {
        var label = phase == 0 ? "preamble (session settings; runs with every phase)" : $"phase {phase}";
        var name = steps[0].PhaseName;
        await output.WriteLineAsync(string.IsNullOrEmpty(name) || phase == 0 ? label : $"{label}: {name}");
        foreach (var step in steps)
        {
            var size = step.TableRows is null
                ? ""
                : $"  [{step.Table}: ~{step.TableRows.Value.ToString("N0", CultureInfo.InvariantCulture)} rows, {Bytes(step.TableBytes ?? 0)}]";
            await output.WriteLineAsync($"  line {step.Line}: {step.What}{size}");
            if (step.State.Length > 0)
            {
                await output.WriteLineAsync($"      state:    {step.State}");
            }

            await output.WriteLineAsync($"      action:   {step.Action}");
            await output.WriteLineAsync($"      rollback: {step.Rollback}");
        }
    }

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.0} kB",
        _ => $"{bytes} B",
    };
}
