namespace Pitchey.LoadTests.Harness.Engine;

/// <summary>How one request ended: the status of a whole response, or the transport error that stopped it.</summary>
/// <param name="Status">The response's status code; 0 when no whole response arrived.</param>
/// <param name="Error">Why it failed at the transport level; <see cref="ErrorKind.None"/> when a response arrived.</param>
/// <param name="RetryAfter">The response carried <c>Retry-After</c> (an open breaker's or a full turnstile's 503, a 429).</param>
internal readonly record struct RequestOutcome(int Status, ErrorKind Error, bool RetryAfter = false)
{
    public static RequestOutcome Failed(ErrorKind error) => new(0, error);

    /// <summary>2xx and 3xx succeed, as in wrk.</summary>
    public bool Succeeded => Error == ErrorKind.None && Status is >= 200 and < 400;

    /// <summary>The kind the report counts it under: a transport error, or <see cref="ErrorKind.Status"/> for a failing status.</summary>
    public ErrorKind Kind => Error != ErrorKind.None ? Error : Succeeded ? ErrorKind.None : ErrorKind.Status;
}
