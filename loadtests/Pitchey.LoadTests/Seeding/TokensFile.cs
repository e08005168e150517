namespace Pitchey.LoadTests.Seeding;

/// <summary>The live session tokens of a seed run, one per line, in a file that is the owner's alone from its first byte, not after.</summary>
internal static class TokensFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task WriteAsync(string path, IEnumerable<string> tokens, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, OwnerOnly); // an existing file keeps its mode otherwise
            }
        }

        await using var writer = new StreamWriter(path, options);
        foreach (var token in tokens)
        {
            await writer.WriteLineAsync(token.AsMemory(), cancellationToken);
        }
    }
}
