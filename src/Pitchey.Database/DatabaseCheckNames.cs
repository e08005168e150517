namespace Pitchey.Database;

/// <summary>Names of the database health checks, as they appear in health reports.</summary>
public static class DatabaseCheckNames
{
    public const string Connectivity = "connectivity";
    public const string Performance = "performance";
    public const string Replicas = "replicas";
}
