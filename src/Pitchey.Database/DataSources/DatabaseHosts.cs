using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Pitchey.Database.DataSources;

/// <summary>
/// One <see cref="NpgsqlDataSource"/> (and so one connection pool) per database host,
/// built once from <see cref="DatabaseOptions"/> and shared by everything that talks to it.
/// </summary>
/// <remarks>
/// Npgsql's pool instruments are process-wide and tell pools apart only by their data source's
/// name. The first set of hosts in a process names its pools after the hosts (<c>primary</c>,
/// <c>replica1</c>): what a deployment, one gateway a process, shows in <c>/metrics</c>. A later set
/// in the same process (tests run many gateways in one) adds its ordinal (<c>primary.2</c>), so each
/// gateway reads only its own pools (<see cref="DatabaseHost.PoolName"/>), never an earlier one's.
/// </remarks>
public sealed class DatabaseHosts : IAsyncDisposable
{
    private static int _instances;

    public DatabaseHosts(IOptions<DatabaseOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var instance = Interlocked.Increment(ref _instances);
        var suffix = instance == 1 ? "" : "." + instance.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Primary = Build(settings.Primary, settings.ApplicationName, "primary", suffix, loggerFactory);
        Replicas = settings.Replicas
            .Select((connectionString, i) => Build(connectionString, settings.ApplicationName, $"replica{i + 1}", suffix, loggerFactory))
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

    private static DatabaseHost Build(string connectionString, string applicationName, string name, string suffix, ILoggerFactory loggerFactory)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= applicationName;
        // No session reset when a connection goes back to the pool, unless the connection string
        // asks for one: only the gateway's own statements run on these connections and none leaves
        // session state behind (no SET, temporary table, advisory lock or LISTEN), while Npgsql's reset
        // (SET SESSION AUTHORIZATION DEFAULT, RESET ALL, pg_advisory_unlock_all(), ...) is three to
        // six statements for PostgreSQL to run with every request's first query.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        // No automatic preparation: the tuned queries prepare explicitly where a generic plan is
        // right, and search stays unprepared on purpose (a generic plan cannot see the term; see
        // SubstringSearchQuery and FullTextSearchQuery). Auto-prepare would undo that after a few
        // runs per connection.
        builder.UseLoggerFactory(loggerFactory);
        builder.Name = name + suffix;
        var endpoint = $"{builder.ConnectionStringBuilder.Host}:{builder.ConnectionStringBuilder.Port}";
        return new DatabaseHost(name, endpoint, builder.Build()) { PoolName = builder.Name };
    }
}
