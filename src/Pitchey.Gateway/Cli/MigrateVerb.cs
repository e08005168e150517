using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Database.Migrations;
using Pitchey.Gateway.Configuration;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// <c>migrate lint|plan|apply|status|rollback|verify</c>: argument parsing and terminal output only;
/// the work happens in Pitchey.Database.Migrations. Ctrl-C (or SIGTERM) cancels the running build
/// cleanly and says what state it left; a second Ctrl-C kills the process.
/// </summary>
internal static class MigrateVerb
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        var signals = 0;
        void OnCancel(ConsoleCancelEventArgs e)
        {
            if (Interlocked.Increment(ref signals) > 1)
            {
                return; // the second Ctrl-C ends the process
            }

            e.Cancel = true;
            Console.Error.WriteLine();
            Console.Error.WriteLine("cancelling: stopping the running statement (Ctrl-C again to kill)...");
            cancel.Cancel();
        }

        ConsoleCancelEventHandler handler = (_, e) => OnCancel(e);
        Console.CancelKeyPress += handler;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
        try
        {
            return await RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= handler;
        }
    }

    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken)
    {
        var arguments = MigrateArguments.Parse(args);
        if (arguments.Error is not null)
        {
            await error.WriteLineAsync($"migrate: {arguments.Error}");
            await error.WriteLineAsync(MigrateArguments.Usage);
            return ExitCodes.Usage;
        }

        var configuration = GatewayConfiguration.ForVerbs(arguments.ConfigDir);
        var options = new MigrationOptions();
        configuration.GetSection(MigrationOptions.SectionName).Bind(options);
        options.LockTimeout = arguments.LockTimeout ?? options.LockTimeout;
        options.LockRetryBudget = arguments.LockBudget ?? options.LockRetryBudget;
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"migrate: {problem.ErrorMessage}");
            }

            return ExitCodes.Config;
        }

        var connectionString = CliDatabase.ConnectionString(arguments.Connection, configuration);
        NpgsqlDataSource? dataSource = null;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            dataSource = CliDatabase.TryCreate(
                connectionString, arguments.Connection is not null, "pitchey-migrate", unboundedCommands: false, out var invalid);
            if (dataSource is null)
            {
                await error.WriteLineAsync($"migrate: {invalid}");
                return ExitCodes.Config;
            }
        }

        await using var _ = dataSource;
        var command = new MigrateCommand(arguments, options, dataSource, output, error, interactive, arguments.ConfigDir is null ? GatewayConfiguration.ResolveConfigDir([]) : Path.GetFullPath(arguments.ConfigDir));
        try
        {
            return await command.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("migrate: cancelled before any change was made");
            return ExitCodes.Cancelled;
        }
        catch (NpgsqlException exception) when (exception is not PostgresException)
        {
            await error.WriteLineAsync($"migrate: {DatabaseErrors.Describe(exception)}");
            return ExitCodes.Unavailable;
        }
        catch (PostgresException exception)
        {
            await error.WriteLineAsync($"migrate: {MigrationRunner.Describe(exception)}");
            return 2;
        }
        catch (InvalidOperationException exception)
        {
            await error.WriteLineAsync($"migrate: {exception.Message}");
            return 2;
        }
    }
}
