using System.ComponentModel.DataAnnotations;

namespace Pitchey.Database.DataSources;

/// <summary>Where the database lives. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// Npgsql connection string of the primary (writes and fallback reads). Required.
    /// Never logged or returned: it usually carries a password.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Database:Primary (the primary's connection string) is required.")]
    public string Primary { get; set; } = "";

    /// <summary>Npgsql connection strings of streaming replicas. Default: none.</summary>
    public IList<string> Replicas { get; } = [];

    /// <summary>Application name shown in <c>pg_stat_activity</c>. Default <c>pitchey-gateway</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ApplicationName { get; set; } = "pitchey-gateway";
}
