using System.CommandLine;
using System.Globalization;
using Pitchey.Migrations.Catalog;
using Pitchey.Migrations.History;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// <c>migrate status</c>: the history of applied steps, each apply run (how it ended, time throttled,
/// peak figures, plan validation), and every INVALID index in the database (exit 1 when there is one).
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console) =>
        MigrateSession.Define(console, "status", "history of applied steps, and every INVALID index in the database", RunAsync);

    private static async Task<int> RunAsync(MigrateSession session, ParseResult parse, CancellationToken cancellationToken)
    {
        if (await session.RequireDatabaseAsync() is not { } source)
        {
            return ExitCodes.Unavailable;
        }

        var output = session.Output;
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        if (await MigrationHistory.ExistsAsync(connection, cancellationToken))
        {
            var entries = await MigrationHistory.ReadAsync(connection, cancellationToken);
            await output.WriteLineAsync($"history ({MigrationHistory.TableName}): {entries.Count} step(s)");
            foreach (var entry in entries)
            {
                await PrintEntryAsync(output, entry);
            }

            var runs = await MigrationHistory.ReadRunsAsync(connection, cancellationToken);
            await output.WriteLineAsync($"runs ({MigrationHistory.RunsTableName}): {runs.Count}");
            foreach (var run in runs)
            {
                await PrintRunAsync(output, run);
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
            return ExitCodes.Ok;
        }

        await output.WriteLineAsync($"invalid indexes: {invalid.Count}");
        foreach (var index in invalid)
        {
            await output.WriteLineAsync($"  {index.Name} on {index.Table}{(index.Ready ? " (still maintained on every write)" : "")}");
        }

        return ExitCodes.Findings;
    }

    private static async Task PrintEntryAsync(TextWriter output, HistoryEntry entry)
    {
        var what = entry.IndexName is null ? entry.Kind : $"index {entry.IndexName} on {entry.TableName}";
        var when = (entry.FinishedAt ?? entry.StartedAt).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await output.WriteLineAsync(
            $"  step {entry.Step,4}  {entry.Status,-11} phase {entry.Phase}  {what}  ({entry.FileName}, {when}{(entry.Run is { } run ? $", run {run}" : "")}{(entry.CreatedIndex ? ", built by this tool" : "")})");
        if (entry.Error is not null)
        {
            await output.WriteLineAsync($"             error: {entry.Error}");
        }
    }

    private static async Task PrintRunAsync(TextWriter output, RunEntry run)
    {
        var when = (run.FinishedAt ?? run.StartedAt).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var phase = run.Phase is { } p ? $" --phase {p}" : "";
        var validation = run.QueriesValidated == 0 ? "plans not validated" : $"{run.QueriesValidated} queries validated, {run.Regressions} regression(s)";
        await output.WriteLineAsync($"  run {run.Run,5}  {run.Status,-11} {run.FileName}{phase}  ({when})  {ImpactText.Describe(run.Impact)}; {validation}");
        if (run.StopReason is not null)
        {
            await output.WriteLineAsync($"             stopped: {run.StopReason}");
        }
    }
}
