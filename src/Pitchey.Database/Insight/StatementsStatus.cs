namespace Pitchey.Database.Insight;

/// <summary>Whether <c>pg_stat_statements</c> could be read on a host, and what is missing when not.</summary>
/// <param name="Loaded">In <c>shared_preload_libraries</c>.</param>
/// <param name="Created">The extension exists in this database.</param>
/// <param name="PreloadLibraries">The current <c>shared_preload_libraries</c>, to extend rather than replace.</param>
/// <param name="Problem">Why it could not be read (null when it was).</param>
public sealed record StatementsStatus(bool Loaded, bool Created, string PreloadLibraries, string? Problem)
{
    public bool Available => Problem is null;
}
