namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>Why a request did not succeed. The report keeps them apart: each points somewhere else.</summary>
internal enum ErrorKind
{
    /// <summary>A response arrived; success or not is its status (2xx and 3xx succeed).</summary>
    None,

    /// <summary>A whole response arrived with a status other than 2xx or 3xx (counted per code).</summary>
    Status,

    /// <summary>No whole response within <c>--timeout</c> (connecting included); the connection is closed.</summary>
    Timeout,

    /// <summary>Nothing listens: the connection was refused.</summary>
    Refused,

    /// <summary>The connection was reset or closed before the response was whole.</summary>
    Reset,

    /// <summary>Anything else: a response the parser does not understand, a socket error of another kind.</summary>
    Other,
}
