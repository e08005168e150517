namespace Pitchey.Database.DataSources;

/// <summary>Defaults of <see cref="DatabaseOptions"/>.</summary>
internal static class DatabaseConstants
{
    /// <summary>The application name the connections carry unless their string names one.</summary>
    public const string DefaultApplicationName = "pitchey-gateway";
}
