using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>How lint findings and run results read on the console; shared by the sub-commands that show them.</summary>
internal static class MigrateOutput
{
    public static async Task PrintFindingsAsync(TextWriter output, MigrationScript script, LintReport report, LintSeverity minimum)
    {
        foreach (var finding in report.Findings.Where(f => f.Severity >= minimum))
        {
            var severity = finding.Severity.ToString().ToLowerInvariant();
            var applyNote = finding.FixedByApply ? " (apply does this itself)" : "";
            await output.WriteLineAsync($"{script.FileName}:{finding.Line}: {severity} [{finding.Code}] {finding.Message}");
            await output.WriteLineAsync($"    fix: {finding.Fix}{applyNote}");
        }
    }

    /// <summary>What an apply did to the database (time throttled, peak figures), and the validation of its plans.</summary>
    public static async Task PrintImpactAsync(CliConsole console, MigrationResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        await console.Output.WriteLineAsync($"impact: {ImpactText.Describe(result.Impact)}");
        if (result.QueriesValidated == 0)
        {
            return;
        }

        if (result.Regressions.Count == 0)
        {
            await console.Output.WriteLineAsync($"validation: {result.QueriesValidated} representative quer{(result.QueriesValidated == 1 ? "y" : "ies")} planned before and after: no regressions");
            return;
        }

        await console.Output.WriteLineAsync($"validation: plan regressions in {result.Regressions.Count} of {result.QueriesValidated} representative queries:");
        foreach (var regression in result.Regressions)
        {
            await console.Output.WriteLineAsync($"  query {regression.Query} (line {regression.Line}): {regression.Problem}");
        }
    }

    /// <param name="verb">What <paramref name="count"/> counts: "built" or "dropped".</param>
    public static async Task PrintResultAsync(CliConsole console, MigrationResult result, string verb, int count)
    {
        foreach (var conflict in result.Conflicts)
        {
            await console.Output.WriteLineAsync($"conflict: {conflict}");
        }

        foreach (var skipped in result.NotRun)
        {
            await console.Output.WriteLineAsync($"not run (the lint does not allow it): {skipped}");
        }

        if (result.Failure is { } failure)
        {
            var where = failure.Line > 0 ? $"line {failure.Line}: " : "";
            await console.Error.WriteLineAsync($"FAILED {where}{failure.Statement}");
            await console.Error.WriteLineAsync($"  {failure.Source}: {failure.Error}");
        }

        foreach (var invalid in result.InvalidLeft)
        {
            await console.Error.WriteLineAsync($"left behind: INVALID index {invalid} (`migrate apply` rebuilds it, `migrate rollback` drops it)");
        }

        var state = result.Cancelled ? "cancelled" : result.Failure is not null ? "failed" : "done";
        await console.Output.WriteLineAsync(
            $"{state}: {count} {verb}, {result.Ran} other statement(s) run, {result.Skipped} skipped, {result.NotRun.Count} not run, {result.Conflicts.Count} conflict(s)");
        if (result.Cancelled)
        {
            await console.Output.WriteLineAsync("finished steps are recorded; rerun the same command to resume");
        }
    }
}
