namespace Pitchey.Gateway.Resilience;

/// <summary>What one forwarded request says about the upstream's health.</summary>
internal enum ForwardOutcome
{
    /// <summary>The upstream answered with a status that is not a failure.</summary>
    Success,

    /// <summary>Failure status, transport failure, upstream reset or timeout: counts against the breaker.</summary>
    Failure,

    /// <summary>The client went away: says nothing about the upstream, so it is not counted at all.</summary>
    ClientAbort,

    /// <summary>The gateway never reached an upstream (no destination, request creation failed): not counted.</summary>
    NotForwarded,
}
