namespace Pitchey.Database.DataSources;

/// <summary>Where the database lives. Bound from the <c>Database</c> section; checked by <see cref="DatabaseOptionsValidator"/>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// Npgsql connection string of the primary (writes and fallback reads). Required; parsed at
    /// start-up. Never logged or returned: it usually carries a password.
    /// </summary>
    public string Primary { get; set; } = "";

    /// <summary>Npgsql connection strings of streaming replicas, each parsed at start-up. Default: none.</summary>
    public IList<string> Replicas { get; } = [];

    /// <summary>Application name shown in <c>pg_stat_activity</c>. Required. Default <c>pitchey-gateway</c>.</summary>
    public string ApplicationName { get; set; } = DatabaseConstants.DefaultApplicationName;
}
