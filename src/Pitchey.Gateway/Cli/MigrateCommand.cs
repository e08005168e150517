using System.Globalization;
using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Database.Migrations;

namespace Pitchey.Gateway.Cli;

/// <summary>Runs one parsed <c>migrate</c> command and prints its result.</summary>
internal sealed class MigrateCommand(
    MigrateArguments arguments,
    MigrationOptions options,
    NpgsqlDataSource? dataSource,
    TextWriter output,
    TextWriter error,
    bool interactive,
    string configDir)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) => arguments.Command switch
    {
        "lint" => await LintAsync(cancellationToken),
        "plan" => await PlanAsync(cancellationToken),
        "apply" => await ApplyAsync(cancellationToken),
        "status" => await StatusAsync(cancellationToken),
        "rollback" => await RollbackAsync(cancellationToken),
        "verify" => await VerifyAsync(cancellationToken),
        _ => throw new InvalidOperationException($"unknown command {arguments.Command}"),
    };

    private async Task<int> LintAsync(CancellationToken cancellationToken)
    {
        if (await LoadScriptAsync(arguments.File!, cancellationToken) is not { } script)
        {
            return 2;
        }

        CatalogSnapshot? catalog = null;
        if (dataSource is not null)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                catalog = await CatalogSnapshot.ReadAsync(connection, cancellationToken);
            }
            catch (NpgsqlException exception) when (exception is not PostgresException)
            {
                await error.WriteLineAsync($"note: database not reachable ({DatabaseErrors.Describe(exception)}); checking against the schema file instead");
            }
        }

        if (catalog is null)
        {
            var schema = arguments.Schema ?? Path.Combine(configDir, "sql", "schema.sql");
            if (File.Exists(schema))
            {
                catalog = CatalogSnapshot.FromSchemaFile(await File.ReadAllTextAsync(schema, cancellationToken), Path.GetFileName(schema));
            }
        }

        var report = MigrationLint.Run(script, catalog);
        await PrintFindingsAsync(script, report, LintSeverity.Info);
        var errors = report.Findings.Count(f => f.Severity == LintSeverity.Error);
        var warnings = report.Findings.Count(f => f.Severity == LintSeverity.Warning);
        await output.WriteLineAsync($"{script.FileName}: {report.Statements.Count} statements, {errors} error(s), {warnings} warning(s) (catalog: {report.CatalogSource})");
        return report.ExitCode(arguments.Strict);
    }

    private async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        // An unreadable file is the file's fault (2), whatever the database's state.
        if (await LoadScriptAsync(arguments.File!, cancellationToken) is not { } script)
        {
            return 2;
        }

        if (await RequireDatabaseAsync() is not { } source)
        {
            return ExitCodes.Unavailable;
        }

        if (!await PhaseExistsAsync(script))
        {
            return ExitCodes.Usage;
        }

        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        var catalog = await CatalogSnapshot.ReadAsync(connection, cancellationToken);
        var report = MigrationLint.Run(script, catalog);
        await PrintFindingsAsync(script, report, LintSeverity.Warning);
        var steps = MigrationPlanner.Plan(report, catalog, arguments.Phase);
        foreach (var phase in steps.GroupBy(s => s.Phase))
        {
            var label = phase.Key == 0 ? "preamble (session settings; runs with every phase)" : $"phase {phase.Key}";
            var name = phase.First().PhaseName;
            await output.WriteLineAsync(string.IsNullOrEmpty(name) || phase.Key == 0 ? label : $"{label}: {name}");
            foreach (var step in phase)
            {
                var size = step.TableRows is null ? "" : $"  [{step.Table}: ~{step.TableRows.Value.ToString("N0", CultureInfo.InvariantCulture)} rows, {Bytes(step.TableBytes ?? 0)}]";
                await output.WriteLineAsync($"  line {step.Line}: {step.What}{size}");
                if (step.State.Length > 0)
                {
                    await output.WriteLineAsync($"      state:    {step.State}");
                }

                await output.WriteLineAsync($"      action:   {step.Action}");
                await output.WriteLineAsync($"      rollback: {step.Rollback}");
            }
        }

        if (report.BlocksApply)
        {
            await output.WriteLineAsync("apply would refuse this file: fix the errors above first");
            return 2;
        }

        return steps.Any(s => s.Action.StartsWith("skip (conflict", StringComparison.Ordinal)) || report.HasWarnings ? 1 : 0;
    }

    private async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        // An unreadable file is the file's fault (2), whatever the database's state.
        if (await LoadScriptAsync(arguments.File!, cancellationToken) is not { } script)
        {
            return 2;
        }

        if (await RequireDatabaseAsync() is not { } source)
        {
            return ExitCodes.Unavailable;
        }

        if (!await PhaseExistsAsync(script))
        {
            return ExitCodes.Usage;
        }

        CatalogSnapshot catalog;
        await using (var connection = await source.OpenConnectionAsync(cancellationToken))
        {
            catalog = await CatalogSnapshot.ReadAsync(connection, cancellationToken);
        }

        var report = MigrationLint.Run(script, catalog);
        await PrintFindingsAsync(script, report, LintSeverity.Warning);
        if (report.BlocksApply)
        {
            await error.WriteLineAsync("apply refused: the lint found errors apply cannot fix (see above); nothing was changed");
            return 2;
        }

        var reporter = new ConsoleMigrationReporter(output, interactive);
        var runner = new MigrationRunner(source, options, TimeProvider.System, reporter);
        var result = await runner.ApplyAsync(script, report, arguments.Phase, cancellationToken);
        reporter.EndProgress();
        await PrintResultAsync(result, "built", result.Built);
        return result.ExitCode;
    }

    private async Task<int> RollbackAsync(CancellationToken cancellationToken)
    {
        if (await RequireDatabaseAsync() is not { } source)
        {
            return ExitCodes.Unavailable;
        }

        var reporter = new ConsoleMigrationReporter(output, interactive);
        var runner = new MigrationRunner(source, options, TimeProvider.System, reporter);
        var result = await runner.RollbackAsync(arguments.Phase, arguments.ToStep, cancellationToken);
        await PrintResultAsync(result, "dropped", result.Dropped);
        return result.ExitCode;
    }

    private async Task<int> StatusAsync(CancellationToken cancellationToken)
    {
        if (await RequireDatabaseAsync() is not { } source)
        {
            return ExitCodes.Unavailable;
        }

        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        if (await MigrationHistory.ExistsAsync(connection, cancellationToken))
        {
            var entries = await MigrationHistory.ReadAsync(connection, cancellationToken);
            await output.WriteLineAsync($"history ({MigrationHistory.TableName}): {entries.Count} step(s)");
            foreach (var entry in entries)
            {
                var what = entry.IndexName is null ? entry.Kind : $"index {entry.IndexName} on {entry.TableName}";
                var when = (entry.FinishedAt ?? entry.StartedAt).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                await output.WriteLineAsync(
                    $"  step {entry.Step,4}  {entry.Status,-11} phase {entry.Phase}  {what}  ({entry.FileName}, {when}{(entry.CreatedIndex ? ", built by this tool" : "")})");
                if (entry.Error is not null)
                {
                    await output.WriteLineAsync($"             error: {entry.Error}");
                }
            }
        }
        else
        {
            await output.WriteLineAsync("history: none (migrate apply has never run against this database)");
        }

        var invalid = await InvalidIndex.ReadAllAsync(connection, cancellationToken);
        if (invalid.Count == 0)
        {
            await output.WriteLineAsync("invalid indexes: none");
            return 0;
        }

        await output.WriteLineAsync($"invalid indexes: {invalid.Count}");
        foreach (var index in invalid)
        {
            await output.WriteLineAsync($"  {index.Name} on {index.Table}{(index.Ready ? " (still maintained on every write)" : "")}");
        }

        return 1;
    }

    private async Task<int> VerifyAsync(CancellationToken cancellationToken)
    {
        // An unreadable file is the file's fault (2), whatever the database's state.
        if (await LoadScriptAsync(arguments.File!, cancellationToken) is not { } script)
        {
            return 2;
        }

        if (await RequireDatabaseAsync() is not { } source)
        {
            return ExitCodes.Unavailable;
        }

        var queries = script.Queries.ToList();
        if (arguments.Queries is not null)
        {
            if (await LoadScriptAsync(arguments.Queries, cancellationToken) is not { } queryFile)
            {
                return 2;
            }

            // In a queries file every statement is a query; unmarked ones are named by their line.
            queries = queryFile.Statements.Select(s => s.IsQuery ? s : s with { QueryName = $"{queryFile.FileName}:{s.Line}" }).ToList();
        }

        if (queries.Count == 0)
        {
            await error.WriteLineAsync($"{script.FileName}: no representative queries: mark them `-- query: name` or pass --queries <file>");
            return 2;
        }

        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        var report = MigrationLint.Run(script, null);
        var verify = await MigrationVerifier.VerifyAsync(connection, report, queries, options.LargeTableRows, cancellationToken);
        foreach (var query in verify.Queries)
        {
            var detail = query.Error is not null
                ? $"could not plan: {query.Error}"
                : $"indexes: {(query.IndexesUsed.Count == 0 ? "none" : string.Join(", ", query.IndexesUsed))}; seq scans: {(query.SeqScans.Count == 0 ? "none" : string.Join(", ", query.SeqScans))}";
            await output.WriteLineAsync($"query {query.Name} (line {query.Line}): {detail}");
        }

        foreach (var index in verify.UnusedIndexes)
        {
            await output.WriteLineAsync($"unused: index {index} is used by no representative query (write cost without a read benefit?)");
        }

        foreach (var scan in verify.LargeScans)
        {
            await output.WriteLineAsync($"large scan: query {scan.Query} scans {scan.Table} (~{scan.EstimatedRows.ToString("N0", CultureInfo.InvariantCulture)} rows) sequentially");
        }

        return verify.ExitCode;
    }

    private async Task<MigrationScript?> LoadScriptAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await MigrationScript.LoadAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"migrate: cannot read {path}: {exception.Message}");
            return null;
        }
    }

    /// <summary>False (after saying so) when --phase names a phase the file does not have.</summary>
    private async Task<bool> PhaseExistsAsync(MigrationScript script)
    {
        var phases = script.Steps.Select(s => s.Phase).Where(p => p > 0).Distinct().Order().ToList();
        if (arguments.Phase is not { } phase || phases.Contains(phase))
        {
            return true;
        }

        await error.WriteLineAsync($"migrate: --phase {phase}: {script.FileName} has phase(s) {string.Join(", ", phases)}");
        return false;
    }

    private async Task<NpgsqlDataSource?> RequireDatabaseAsync()
    {
        if (dataSource is null)
        {
            await error.WriteLineAsync($"migrate {arguments.Command} needs a database: pass --connection or set Database:Primary (environment: Database__Primary)");
        }

        return dataSource;
    }

    private async Task PrintFindingsAsync(MigrationScript script, LintReport report, LintSeverity minimum)
    {
        foreach (var finding in report.Findings.Where(f => f.Severity >= minimum))
        {
            var severity = finding.Severity.ToString().ToLowerInvariant();
            var applyNote = finding.FixedByApply ? " (apply does this itself)" : "";
            await output.WriteLineAsync($"{script.FileName}:{finding.Line}: {severity} [{finding.Code}] {finding.Message}");
            await output.WriteLineAsync($"    fix: {finding.Fix}{applyNote}");
        }
    }

    private async Task PrintResultAsync(MigrationResult result, string verb, int count)
    {
        foreach (var conflict in result.Conflicts)
        {
            await output.WriteLineAsync($"conflict: {conflict}");
        }

        foreach (var skipped in result.NotRun)
        {
            await output.WriteLineAsync($"not run (the lint does not allow it): {skipped}");
        }

        if (result.Failure is { } failure)
        {
            var where = failure.Line > 0 ? $"line {failure.Line}: " : "";
            await error.WriteLineAsync($"FAILED {where}{failure.Statement}");
            await error.WriteLineAsync($"  PostgreSQL: {failure.Error}");
        }

        foreach (var invalid in result.InvalidLeft)
        {
            await error.WriteLineAsync($"left behind: INVALID index {invalid} (`migrate apply` rebuilds it, `migrate rollback` drops it)");
        }

        var state = result.Cancelled ? "cancelled" : result.Failure is not null ? "failed" : "done";
        await output.WriteLineAsync($"{state}: {count} {verb}, {result.Ran} other statement(s) run, {result.Skipped} skipped, {result.NotRun.Count} not run, {result.Conflicts.Count} conflict(s)");
        if (result.Cancelled)
        {
            await output.WriteLineAsync("finished steps are recorded; rerun the same command to resume");
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
