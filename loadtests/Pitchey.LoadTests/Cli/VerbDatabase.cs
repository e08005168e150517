using System.CommandLine;
using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Gateway.Cli;
using Pitchey.Gateway.Configuration;

namespace Pitchey.LoadTests.Cli;

/// <summary>
/// The database a verb works on and what becomes of its failures, the same for every verb of the
/// tool: the connection string comes from <c>--connection</c>, else <c>Database:Primary</c> in the
/// gateway's settings (<c>--config-dir</c>, config files, <c>Database__Primary</c>) and is never
/// printed; a database failure is described without it and becomes an exit code; Ctrl-C stops the
/// work and exits <see cref="ExitCodes.Cancelled"/>.
/// </summary>
internal static class VerbDatabase
{
    /// <summary>Adds <c>--connection</c> and <c>--config-dir</c>, the gateway's own definitions.</summary>
    public static void AddOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(CommonOptions.Connection);
        command.Options.Add(CommonOptions.ConfigDir);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a data source without a command timeout (loads and index builds
    /// take long). <paramref name="cancelled"/> says what state a cancelled run leaves.
    /// </summary>
    public static async Task<int> RunAsync(
        ParseResult parse, string verb, Func<NpgsqlDataSource, Task<int>> work, string cancelled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(work);
        var error = parse.InvocationConfiguration.Error;
        var argument = parse.GetValue(CommonOptions.Connection);
        var connection = CliDatabase.ConnectionString(argument, GatewayConfiguration.ForVerbs(parse.GetValue(CommonOptions.ConfigDir)));
        if (string.IsNullOrWhiteSpace(connection))
        {
            await error.WriteLineAsync($"{verb}: no database: pass --connection or set Database:Primary (environment: Database__Primary)");
            return ExitCodes.Usage;
        }

        await using var dataSource = CliDatabase.TryCreate(connection, argument is not null, $"pitchey-{verb}", unboundedCommands: true, out var invalid);
        if (dataSource is null)
        {
            await error.WriteLineAsync($"{verb}: {invalid}");
            return ExitCodes.Config;
        }

        try
        {
            return await work(dataSource);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or NpgsqlException)
        {
            await error.WriteLineAsync($"{verb}: cancelled: {cancelled}");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            await error.WriteLineAsync($"{verb}: failed: {DatabaseErrors.Describe(exception)}" +
                (exception is PostgresException postgres ? $" ({postgres.MessageText})" : ""));
            return DatabaseErrors.IsConnectionFailure(exception) ? ExitCodes.Unavailable : ExitCodes.Failed;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{verb}: failed: {exception.Message}");
            return ExitCodes.Failed;
        }
    }
}
