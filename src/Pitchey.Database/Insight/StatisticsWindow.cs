namespace Pitchey.Database.Insight;

/// <summary>
/// Since when a host's cumulative statistics (scan counts) have been counting, as far as the host
/// tells: the latest of the last reset, the server's start (a crash or a standby's recovery clears
/// them, and a clean restart cannot be told apart) and the database's creation (a restore), when
/// the role may read it. <paramref name="Source"/> names which one it is.
/// </summary>
public sealed record StatisticsWindow(DateTimeOffset Since, string Source)
{
    public TimeSpan AgeAt(DateTimeOffset now) => now - Since;
}
