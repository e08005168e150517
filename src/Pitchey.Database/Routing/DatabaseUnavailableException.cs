namespace Pitchey.Database.Routing;

/// <summary>
/// No host can take the work right now (the primary is down, or the database breaker is open):
/// callers answer 503 at once instead of queueing on the pool. The message is safe to show.
/// </summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
        : this("database unavailable")
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>When a retry may succeed, if known (for Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
