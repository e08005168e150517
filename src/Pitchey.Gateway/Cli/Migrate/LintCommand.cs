using System.CommandLine;
using Pitchey.Database.DataSources;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.Lint;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// <c>migrate lint &lt;file&gt;</c>: every finding with its line and a fix, against the live catalog, or
/// the schema file when there is no database or it cannot be reached. Exit 0 clean, 1 warnings, 2 errors.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CliConsole console) => MigrateSession.Define(
        console, "lint", "check a strategy file (exit 0 clean, 1 warnings, 2 errors; --strict: warnings are errors)", RunAsync,
        MigrateOptions.File, MigrateOptions.Strict, MigrateOptions.Schema);

    private static async Task<int> RunAsync(MigrateSession session, ParseResult parse, CancellationToken cancellationToken)
    {
        if (await session.LoadScriptAsync(parse.GetRequiredValue(MigrateOptions.File), cancellationToken) is not { } script)
        {
            return ExitCodes.Failed;
        }

        var catalog = await ReadCatalogAsync(session, parse.GetValue(MigrateOptions.Schema), cancellationToken);
        var report = MigrationLint.Run(script, catalog);
        await MigrateOutput.PrintFindingsAsync(session.Output, script, report, LintSeverity.Info);
        var errors = report.Findings.Count(f => f.Severity == LintSeverity.Error);
        var warnings = report.Findings.Count(f => f.Severity == LintSeverity.Warning);
        await session.Output.WriteLineAsync(
            $"{script.FileName}: {report.Statements.Count} statements, {errors} error(s), {warnings} warning(s) (catalog: {report.CatalogSource})");
        return report.ExitCode(parse.GetValue(MigrateOptions.Strict));
    }

    /// <summary>The live catalog; else the schema file; else null (the lint then skips catalog checks and says so).</summary>
    private static async Task<CatalogSnapshot?> ReadCatalogAsync(MigrateSession session, string? schemaFile, CancellationToken cancellationToken)
    {
        if (session.DataSource is { } dataSource)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                return await CatalogSnapshot.ReadAsync(connection, cancellationToken);
            }
            catch (Exception exception) when (DatabaseErrors.IsConnectionFailure(exception))
            {
                await session.Error.WriteLineAsync(
                    $"note: database not reachable ({DatabaseErrors.Describe(exception)}); checking against the schema file instead");
            }
        }

        var schema = schemaFile ?? Path.Combine(session.ConfigDir, "sql", "schema.sql");
        return File.Exists(schema)
            ? CatalogSnapshot.FromSchemaFile(await File.ReadAllTextAsync(schema, cancellationToken), Path.GetFileName(schema))
            : null;
    }
}
