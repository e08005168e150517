using Npgsql;
using Pitchey.Database.DataSources;
using Pitchey.Gateway.Configuration;

namespace Pitchey.Gateway.Cli;

/// <summary>
/// How every verb finds its database: <c>--connection</c>, else <c>Database:Primary</c> from the
/// gateway's own settings (config files and <c>Database__Primary</c>). The string is never printed.
/// </summary>
public static class CliDatabase
{
    public static string? ConnectionString(string? argument, IConfiguration configuration) =>
        argument ?? configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Primary)}"];

    /// <summary>
    /// Builds a data source, or says which setting is malformed without quoting it (the driver's
    /// message would). <paramref name="unboundedCommands"/> lifts the command timeout for long loads.
    /// </summary>
    public static NpgsqlDataSource? TryCreate(
        string connectionString, bool fromArgument, string applicationName, bool unboundedCommands, out string? error) =>
        TryCreate(connectionString, fromArgument ? "--connection" : "Database:Primary", applicationName, unboundedCommands, out error);

    /// <param name="source">Where the string came from, for the message (<c>--replica 2</c>, <c>Database:Replicas:0</c>).</param>
    public static NpgsqlDataSource? TryCreate(
        string connectionString, string source, string applicationName, bool unboundedCommands, out string? error)
    {
        try
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
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
