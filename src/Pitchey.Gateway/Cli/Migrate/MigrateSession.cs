using System.CommandLine;
using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Gateway.Configuration;
using Pitchey.Migrations;
using Pitchey.Migrations.Running;
using Pitchey.Migrations.Scripts;

namespace Pitchey.Gateway.Cli.Migrate;

/// <summary>
/// What every <c>migrate</c> sub-command starts from: the <c>Migrations</c> settings (with the command
/// line's overrides, validated), the database if one is configured, the settings folder and the
/// console. <see cref="Action"/> builds it, runs the sub-command, and turns what escapes into the
/// one exit-code table: a bad setting 78, an unreachable database 69, a PostgreSQL error 2, Ctrl-C 130.
/// </summary>
internal sealed class MigrateSession : IAsyncDisposable
{
    private readonly IConfiguration _configuration;
    private readonly List<NpgsqlDataSource> _replicas = [];

    private MigrateSession(
        string command, CliConsole console, MigrationOptions options, NpgsqlDataSource? dataSource, string configDir, IConfiguration configuration)
    {
        _configuration = configuration;
        Command = command;
        Console = console;
        Options = options;
        DataSource = dataSource;
        ConfigDir = configDir;
    }

    /// <summary>The sub-command's name, for messages.</summary>
    public string Command { get; }

    public CliConsole Console { get; }

    public TextWriter Output => Console.Output;

    public TextWriter Error => Console.Error;

    public MigrationOptions Options { get; }

    /// <summary>Null when neither <c>--connection</c> nor <c>Database:Primary</c> names a database.</summary>
    public NpgsqlDataSource? DataSource { get; }

    /// <summary>The settings folder, absolute: where <c>sql/schema.sql</c> is looked for.</summary>
    public string ConfigDir { get; }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }
    }

    /// <summary>
    /// The replicas whose own view gives apply's throttle their lag: <paramref name="arguments"/>
    /// (<c>--replica</c>), else <c>Database:Replicas</c>; none means <c>pg_stat_replication</c> on
    /// the primary. Null after saying which one is malformed (by position, never by its text).
    /// </summary>
    public async Task<IReadOnlyList<NpgsqlDataSource>?> OpenReplicasAsync(IReadOnlyList<string>? arguments)
    {
        var fromArguments = arguments is { Count: > 0 };
        var strings = fromArguments ? arguments! : _configuration.GetSection($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Replicas)}").Get<string[]>() ?? [];
        for (var i = 0; i < strings.Count; i++)
        {
            var source = fromArguments ? $"--replica {i + 1}" : $"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Replicas)}:{i}";
            if (CliDatabase.TryCreate(strings[i], source, "pitchey-migrate", unboundedCommands: false, out var invalid) is not { } replica)
            {
                await Error.WriteLineAsync($"migrate: {invalid}");
                return null;
            }

            _replicas.Add(replica);
        }

        return _replicas;
    }

    /// <summary>
    /// A sub-command with its own arguments and options, the shared <c>--connection</c> and
    /// <c>--config-dir</c> (every sub-command takes both), and <paramref name="run"/> as its action.
    /// </summary>
    public static Command Define(
        CliConsole console, string name, string description, Func<MigrateSession, ParseResult, CancellationToken, Task<int>> run,
        params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols.Append(CommonOptions.Connection).Append(CommonOptions.ConfigDir))
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
                default:
                    throw new ArgumentException($"{symbol.Name} is neither an argument nor an option", nameof(symbols));
            }
        }

        command.SetAction(Action(console, run));
        return command;
    }

    /// <summary>The action of a sub-command: <paramref name="run"/> inside a session, its failures mapped to exit codes.</summary>
    private static Func<ParseResult, CancellationToken, Task<int>> Action(
        CliConsole console, Func<MigrateSession, ParseResult, CancellationToken, Task<int>> run) => async (parse, cancellationToken) =>
    {
        await using var session = await OpenAsync(parse, console);
        if (session is null)
        {
            return ExitCodes.Config;
        }

        try
        {
            return await run(session, parse, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("migrate: cancelled before any change was made");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (DatabaseErrors.IsConnectionFailure(exception))
        {
            await console.Error.WriteLineAsync($"migrate: {DatabaseErrors.Describe(exception)}");
            return ExitCodes.Unavailable;
        }
        catch (PostgresException exception)
        {
            await console.Error.WriteLineAsync($"migrate: {MigrationRunner.Describe(exception)}");
            return ExitCodes.Failed;
        }
        catch (InvalidOperationException exception)
        {
            await console.Error.WriteLineAsync($"migrate: {exception.Message}");
            return ExitCodes.Failed;
        }
    };

    /// <summary>The database, or null after saying that this sub-command needs one.</summary>
    public async Task<NpgsqlDataSource?> RequireDatabaseAsync()
    {
        if (DataSource is null)
        {
            await Error.WriteLineAsync($"migrate {Command} needs a database: pass --connection or set Database:Primary (environment: Database__Primary)");
        }

        return DataSource;
    }

    /// <summary>
    /// The strategy file and the database, for the sub-commands that need both, checked in this order
    /// (each failure said, <see cref="ScriptAndDatabase.Exit"/> set): an unreadable file is the file's
    /// fault (2) whatever the database's state; no database 69; a <c>--phase</c> the file does not have 64.
    /// </summary>
    public async Task<ScriptAndDatabase> OpenScriptAsync(string path, int? phase, CancellationToken cancellationToken)
    {
        if (await LoadScriptAsync(path, cancellationToken) is not { } script)
        {
            return new(null, null, ExitCodes.Failed);
        }

        if (await RequireDatabaseAsync() is not { } source)
        {
            return new(null, null, ExitCodes.Unavailable);
        }

        return await PhaseExistsAsync(script, phase) ? new(script, source, ExitCodes.Ok) : new(null, null, ExitCodes.Usage);
    }

    /// <summary>The strategy file, or null after saying why it cannot be read.</summary>
    public async Task<MigrationScript?> LoadScriptAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await MigrationScript.LoadAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await Error.WriteLineAsync($"migrate: cannot read {path}: {exception.Message}");
            return null;
        }
    }

    /// <summary>False (after saying so) when <c>--phase</c> names a phase the file does not have.</summary>
    private async Task<bool> PhaseExistsAsync(MigrationScript script, int? phase)
    {
        var phases = script.Steps.Select(s => s.Phase).Where(p => p > 0).Distinct().Order().ToList();
        if (phase is null || phases.Contains(phase.Value))
        {
            return true;
        }

        await Error.WriteLineAsync($"migrate: --phase {phase}: {script.FileName} has phase(s) {string.Join(", ", phases)}");
        return false;
    }

    private static async Task<MigrateSession?> OpenAsync(ParseResult parse, CliConsole console)
    {
        var configDir = parse.GetValue(CommonOptions.ConfigDir);
        var configuration = GatewayConfiguration.ForVerbs(configDir);
        var options = new MigrationOptions();
        try
        {
            configuration.GetSection(MigrationOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            await console.Error.WriteLineAsync($"migrate: {exception.Message}");
            return null;
        }

        options.LockTimeout = parse.GetValue(MigrateOptions.LockTimeout) ?? options.LockTimeout;
        options.LockRetryBudget = parse.GetValue(MigrateOptions.LockBudget) ?? options.LockRetryBudget;
        var validation = new MigrationOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            foreach (var failure in validation.Failures)
            {
                await console.Error.WriteLineAsync($"migrate: {failure}");
            }

            return null;
        }

        var argument = parse.GetValue(CommonOptions.Connection);
        var connectionString = CliDatabase.ConnectionString(argument, configuration);
        NpgsqlDataSource? dataSource = null;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            dataSource = CliDatabase.TryCreate(connectionString, argument is not null, "pitchey-migrate", unboundedCommands: false, out var invalid);
            if (dataSource is null)
            {
                await console.Error.WriteLineAsync($"migrate: {invalid}");
                return null;
            }
        }

        var folder = configDir is null ? GatewayConfiguration.ResolveConfigDir([]) : Path.GetFullPath(configDir);
        return new MigrateSession(parse.CommandResult.Command.Name, console, options, dataSource, folder, configuration);
    }

    /// <summary>What <see cref="OpenScriptAsync"/> found: both set, or neither and the exit code.</summary>
    public sealed record ScriptAndDatabase(MigrationScript? Script, NpgsqlDataSource? Source, int Exit);
}
