using System.CommandLine;
using System.Globalization;
using Pitchey.Migrations.Lint;
using Pitchey.Migrations.Scripts;
using Pitchey.Migrations.Verification;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// <c>migrate verify &lt;file&gt;</c>: EXPLAIN of the representative queries; the file's indexes no query
/// uses and the large sequential scans. Exit 0, 1 with findings, 2 when a query cannot be planned.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console) => MigrateSession.Define(
        console, "verify", "EXPLAIN the file's `-- query:` queries (or --queries <file>)", RunAsync,
        MigrateOptions.File, MigrateOptions.Queries);

    private static async Task<int> RunAsync(MigrateSession session, ParseResult parse, CancellationToken cancellationToken)
    {
        var (script, source, exit) = await session.OpenScriptAsync(parse.GetRequiredValue(MigrateOptions.File), phase: null, cancellationToken);
        if (script is null || source is null)
        {
            return exit;
        }

        var queries = script.Queries.ToList();
        if (parse.GetValue(MigrateOptions.Queries) is { } queriesPath)
        {
            if (await session.LoadScriptAsync(queriesPath, cancellationToken) is not { } queryFile)
            {
                return ExitCodes.Failed;
            }

            queries = AllQueries(queryFile);
        }

        if (queries.Count == 0)
        {
            await session.Error.WriteLineAsync($"{script.FileName}: no representative queries: mark them `-- query: name` or pass --queries <file>");
            return ExitCodes.Failed;
        }

        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        var report = MigrationLint.Run(script, null);
        var verify = await MigrationVerifier.VerifyAsync(connection, report, queries, session.Options.LargeTableRows, cancellationToken);
        await PrintAsync(session.Output, verify);
        return verify.ExitCode;
    }

    /// <summary>In a queries file every statement is a query; unmarked ones are named by their line.</summary>
    private static List<ScriptStatement> AllQueries(MigrationScript queryFile) =>
        queryFile.Statements.Select(s => s.IsQuery ? s : s with { QueryName = $"{queryFile.FileName}:{s.Line}" }).ToList();

    private static async Task PrintAsync(TextWriter output, VerifyReport verify)
    {
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
            await output.WriteLineAsync(
                $"large scan: query {scan.Query} scans {scan.Table} (~{scan.EstimatedRows.ToString("N0", CultureInfo.InvariantCulture)} rows) sequentially");
        }
    }
}
