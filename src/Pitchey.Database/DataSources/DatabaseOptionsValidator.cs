using Microsoft.Extensions.Options;
using Npgsql;
using Pitchey.Database.Configuration;

namespace Pitchey.Database.DataSources;

/// <summary>
/// Checks <see cref="DatabaseOptions"/> at start-up: every connection string is parsed here, so a
/// malformed one stops <c>serve</c> with the key it sits under, never with its text.
/// </summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors(DatabaseOptions.SectionName);
        if (string.IsNullOrWhiteSpace(options.Primary))
        {
            errors.Required(nameof(options.Primary), options.Primary, "the primary's connection string");
        }
        else
        {
            Parse(errors, nameof(options.Primary), options.Primary);
        }

        for (var i = 0; i < options.Replicas.Count; i++)
        {
            Parse(errors, $"{nameof(options.Replicas)}:{i}", options.Replicas[i]);
        }

        errors.Required(nameof(options.ApplicationName), options.ApplicationName, "the name shown in pg_stat_activity");
        return errors.Result;
    }

    private static void Parse(OptionsErrors errors, string key, string connectionString)
    {
        // The driver's own message would quote the string (and its password): only the key is
        // reported. A string without a host parses but fails when the data source is built, so
        // it fails here, as on the command line.
        bool valid;
        try
        {
            valid = !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            valid = false;
        }

        if (!valid)
        {
            errors.Add(key, "is not a valid Npgsql connection string.");
        }
    }
}
