using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pitchey.Testing.Postgres;

/// <summary>
/// A temporary settings folder (<c>--config-dir</c>) holding an <c>appsettings.json</c>: how the verbs
/// get a connection string that carries a password, which never goes on a command line.
/// </summary>
public sealed class SettingsFolder : IDisposable
{
    private SettingsFolder(string path) => Path = path;

    /// <summary>The folder, for <c>--config-dir</c>.</summary>
    public string Path { get; }

    /// <summary>A folder whose settings name <paramref name="primary"/> (and any <paramref name="replicas"/>) as the database.</summary>
    public static SettingsFolder Create(string primary, params string[] replicas) => Create(Database(primary, replicas));

    /// <summary>A folder with these settings (a JSON object, as appsettings.json holds it).</summary>
    public static SettingsFolder Create(JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = new SettingsFolder(Directory.CreateTempSubdirectory("pitchey-settings-").FullName);
        folder.Write(settings);
        return folder;
    }

    /// <summary>The <c>Database</c> section for a primary and replicas, to combine with other sections.</summary>
    public static JsonObject Database(string primary, params string[] replicas) => new()
    {
        ["Database"] = new JsonObject
        {
            ["Primary"] = primary,
            ["Replicas"] = new JsonArray([.. replicas.Select(r => (JsonNode?)JsonValue.Create(r))]),
        },
    };

    /// <summary>Replaces the settings (a verb run afterwards reads the new ones).</summary>
    public void Write(JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        File.WriteAllText(System.IO.Path.Combine(Path, "appsettings.json"), settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
