using Npgsql;

namespace Pitchey.Database.DataSources;

/// <summary>A named database host. <see cref="Endpoint"/> is host:port only, safe to show.</summary>
public sealed record DatabaseHost(string Name, string Endpoint, NpgsqlDataSource DataSource);
