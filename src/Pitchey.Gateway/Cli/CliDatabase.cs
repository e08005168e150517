using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Gateway.Configuration;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// How every verb finds its database: <c>--connection</c>, else <c>Database:Primary</c> from the
/// gateway's own settings (config files and <c>Database__Primary</c>). The string is never printed.
/// A <c>--connection</c> may not carry a password: every local user can read a command line
/// (<c>ps</c>), so the password comes from the settings, the environment (<c>Database__Primary</c>,
/// <c>PGPASSWORD</c>) or a <c>.pgpass</c> file, which Npgsql reads itself.
/// </summary>
public static class CliDatabase
{
    /// <summary>Why a connection string from the command line (<paramref name="source"/>: <c>--connection</c>, <c>--replica 2</c>) is refused.</summary>
    public static string PasswordOnCommandLine(string source) =>
        $"{source} must not carry a password (a command line is visible to every local user): set Database__Primary in the environment, or give the password in PGPASSWORD or a .pgpass file";

    public static string? ConnectionString(string? argument, IConfiguration configuration) =>
        argument ?? configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Primary)}"];

    /// <summary>
    /// Builds a data source, or says which setting is malformed without quoting it (the driver's
    /// message would). <paramref name="unboundedCommands"/> lifts the command timeout for long loads.
    /// </summary>
    public static NpgsqlDataSource? TryCreate(
        string connectionString, bool fromArgument, string applicationName, bool unboundedCommands, out string? error) =>
        TryCreate(connectionString, fromArgument ? "--connection" : "Database:Primary", applicationName, unboundedCommands, out error);

    /// <param name="source">
    /// Where the string came from, for the message (<c>--replica 2</c>, <c>Database:Replicas:0</c>); one
    /// from the command line (an option, <c>--...</c>) may not carry a password.
    /// </param>
    public static NpgsqlDataSource? TryCreate(
        string connectionString, string source, string applicationName, bool unboundedCommands, out string? error)
    {
        try
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            if (source.StartsWith("--", StringComparison.Ordinal) && !string.IsNullOrEmpty(builder.ConnectionStringBuilder.Password))
            {
                error = PasswordOnCommandLine(source);
                return null;
            }

            builder.ConnectionStringBuilder.ApplicationName = applicationName;
            if (unboundedCommands)
            {
                builder.ConnectionStringBuilder.CommandTimeout = 0;
            }

            error = null;
            return builder.Build();
        }
        catch (ArgumentException)
        {
            error = $"{source} is not a valid Npgsql connection string";
            return null;
        }
    }
}
