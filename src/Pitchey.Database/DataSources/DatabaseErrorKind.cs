namespace Pitchey.Database.DataSources;

/// <summary>What a database error says about whose fault it is and what to do next (see <see cref="DatabaseErrors.Classify"/>).</summary>
public enum DatabaseErrorKind
{
    /// <summary>Anything else: a bug, a schema mismatch, a constraint violation. Not retried.</summary>
    Other,

    /// <summary>The server refused the statement's input (SQLSTATE class 22, e.g. a NUL byte in text): the caller's fault.</summary>
    BadInput,

    /// <summary>The server cancelled the statement (statement timeout, cancel request): overloaded, not broken.</summary>
    Timeout,

    /// <summary>The statement may succeed if tried again (serialization failure, deadlock, lock not available, out of resources).</summary>
    Transient,

    /// <summary>The host itself is the problem: unreachable, connection broken, shutting down or starting up, no client timeout left.</summary>
    Connection,
}
