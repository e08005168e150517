using Yarp.ReverseProxy.Forwarder;

namespace Pitchey.Gateway.Resilience;

/// <summary>Turns how YARP ended a forward into what it says about the upstream.</summary>
internal static class ForwardOutcomes
{
    /// <param name="error">YARP's <see cref="IForwarderErrorFeature"/> error, or <see cref="ForwarderError.None"/>.</param>
    /// <param name="statusCode">The status sent to the client.</param>
    /// <param name="timedOut">The route's own timeout fired.</param>
    /// <param name="failureCodes">Status codes that count as failures, indexed by code.</param>
    public static ForwardOutcome Classify(ForwarderError error, int statusCode, bool timedOut, bool[] failureCodes)
    {
        if (timedOut)
        {
            return ForwardOutcome.Failure;
        }

        return error switch
        {
            ForwarderError.None => (uint)statusCode < (uint)failureCodes.Length && failureCodes[statusCode]
                ? ForwardOutcome.Failure
                : ForwardOutcome.Success,

            ForwarderError.Request
                or ForwarderError.RequestTimedOut
                or ForwarderError.RequestBodyDestination
                or ForwarderError.ResponseHeaders
                or ForwarderError.ResponseBodyDestination
                or ForwarderError.UpgradeRequestDestination
                or ForwarderError.UpgradeResponseDestination => ForwardOutcome.Failure,

            ForwarderError.RequestCanceled
                or ForwarderError.RequestBodyCanceled
                or ForwarderError.RequestBodyClient
                or ForwarderError.ResponseBodyCanceled
                or ForwarderError.ResponseBodyClient
                or ForwarderError.UpgradeRequestCanceled
                or ForwarderError.UpgradeRequestClient
                or ForwarderError.UpgradeResponseCanceled
                or ForwarderError.UpgradeResponseClient => ForwardOutcome.ClientAbort,

            _ => ForwardOutcome.NotForwarded,
        };
    }
}
