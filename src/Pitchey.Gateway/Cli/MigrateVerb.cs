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

    private const int ExitUsage = 64;
    private const int ExitUnavailable = 69;
    private const int ExitConfig = 78;

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
            return ExitUsage;
        }

        var configuration = LoadConfiguration(arguments.ConfigDir);
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

            return ExitConfig;
        }

        var connectionString = arguments.Connection ?? configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Primary)}"];
        NpgsqlDataSource? dataSource = null;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                var builder = new NpgsqlDataSourceBuilder(connectionString);
                builder.ConnectionStringBuilder.ApplicationName = "pitchey-migrate";
                dataSource = builder.Build();
            }
            catch (ArgumentException)
            {
                // The message could quote the string; say only which setting is wrong.
                await error.WriteLineAsync(arguments.Connection is not null
                    ? "migrate: --connection is not a valid Npgsql connection string"
                    : "migrate: Database:Primary is not a valid Npgsql connection string");
                return ExitConfig;
            }
        }

        await using var _ = dataSource;
        var command = new MigrateCommand(arguments, options, dataSource, output, error, interactive, ConfigDir(arguments.ConfigDir));
        try
        {
            return await command.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("migrate: cancelled before any change was made");
            return 130;
        }
        catch (NpgsqlException exception) when (exception is not PostgresException)
        {
            await error.WriteLineAsync($"migrate: {DatabaseErrors.Describe(exception)}");
            return ExitUnavailable;
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

    private static IConfiguration LoadConfiguration(string? configDirArgument)
    {
        var configDir = ConfigDir(configDirArgument);
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(configDir, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(configDir, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    private static string ConfigDir(string? argument)
    {
        if (argument is not null)
        {
            return Path.GetFullPath(argument);
        }

        var configured = Environment.GetEnvironmentVariable(GatewayConfiguration.ConfigDirVariable);
        return string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "config") : Path.GetFullPath(configured);
    }
}
