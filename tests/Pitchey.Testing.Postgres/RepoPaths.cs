namespace Pitchey.Testing.Postgres;

/// <summary>Paths inside the repository, found by walking up from the test binaries to the .sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Config(params string[] parts) => Path.Combine([Root, "config", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pitchey.Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pitchey.Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
