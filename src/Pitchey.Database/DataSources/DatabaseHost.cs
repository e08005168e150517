using Npgsql;

namespace Pitchey.Database.DataSources;

/// <summary>A named database host. <see cref="Endpoint"/> is host:port only, safe to show.</summary>
public sealed record DatabaseHost(string Name, string Endpoint, NpgsqlDataSource DataSource)
{
    /// <summary>
    /// The data source's name, which Npgsql's pool metrics carry as <c>db.client.connection.pool.name</c>:
    /// <see cref="Name"/>, unless another gateway in the same process already named its pools so
    /// (see <see cref="DatabaseHosts"/>).
    /// </summary>
    public string PoolName { get; init; } = Name;
}
