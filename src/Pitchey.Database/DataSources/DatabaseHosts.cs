using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Pitchey.Database.DataSources;

/// <summary>
/// One <see cref="NpgsqlDataSource"/> (and so one connection pool) per database host,
/// built once from <see cref="DatabaseOptions"/> and shared by everything that talks to it.
/// </summary>
public sealed class DatabaseHosts : IAsyncDisposable
{
    public DatabaseHosts(IOptions<DatabaseOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Primary = Build(settings.Primary, settings.ApplicationName, "primary", loggerFactory);
        Replicas = settings.Replicas
            .Select((connectionString, i) => Build(connectionString, settings.ApplicationName, $"replica{i + 1}", loggerFactory))
            .ToArray();
    }

    /// <summary>The primary: writes, transactions and reads when no replica fits.</summary>
    public DatabaseHost Primary { get; }

    /// <summary>The configured replicas, in settings order.</summary>
    public IReadOnlyList<DatabaseHost> Replicas { get; }

    public async ValueTask DisposeAsync()
    {
        await Primary.DataSource.DisposeAsync();
        foreach (var replica in Replicas)
        {
            await replica.DataSource.DisposeAsync();
        }
    }

    private static DatabaseHost Build(string connectionString, string applicationName, string name, ILoggerFactory loggerFactory)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= applicationName;
        // The tuned queries run thousands of times a second with the same text: Npgsql prepares a
        // statement once it has seen it twice (per physical connection), saving the parse and plan
        // on every later run. A connection string that sets Max Auto Prepare keeps its own value.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        builder.UseLoggerFactory(loggerFactory);
        builder.Name = name;
        var endpoint = $"{builder.ConnectionStringBuilder.Host}:{builder.ConnectionStringBuilder.Port}";
        return new DatabaseHost(name, endpoint, builder.Build());
    }
}

/// <summary>A named database host. <see cref="Endpoint"/> is host:port only, safe to show.</summary>
public sealed record DatabaseHost(string Name, string Endpoint, NpgsqlDataSource DataSource);
