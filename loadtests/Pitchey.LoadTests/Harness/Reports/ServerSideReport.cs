namespace Pitchey.LoadTests.Harness.Reports;

/// <summary>What one server-side sampler saw during the measured window, beside the client's figures.</summary>
/// <param name="Name">The sampler: "postgres", "upstream", "health-checks".</param>
/// <param name="Title">A line for people, e.g. "PostgreSQL database pitchey".</param>
/// <param name="Available">False when the sampler could not read its source (see <see cref="Note"/>); its counters are then empty.</param>
/// <param name="Note">Why something is missing or how to read it (e.g. pg_stat_statements not installed); null when nothing to say.</param>
/// <param name="Counters">Counts over the window.</param>
/// <param name="Statements">Per statement (PostgreSQL with pg_stat_statements), most total time first; empty otherwise.</param>
internal sealed record ServerSideReport(
    string Name, string Title, bool Available, string? Note, IReadOnlyList<ServerCounter> Counters, IReadOnlyList<StatementReport> Statements)
{
    public static ServerSideReport Unavailable(string name, string title, string note) => new(name, title, false, note, [], []);
}
