using Pitchey.Gateway.Resilience;
using Yarp.ReverseProxy.Forwarder;

namespace Pitchey.Gateway.Tests.Resilience;

public sealed class ForwardOutcomesTests
{
    private static bool[] Codes(string text)
    {
        Assert.True(FailureStatusCodes.TryParse(text, out var table, out _));
        return table;
    }

    [Theory]
    [InlineData(200, nameof(ForwardOutcome.Success))]
    [InlineData(404, nameof(ForwardOutcome.Success))]
    [InlineData(408, nameof(ForwardOutcome.Failure))]
    [InlineData(500, nameof(ForwardOutcome.Failure))]
    [InlineData(503, nameof(ForwardOutcome.Failure))]
    [InlineData(599, nameof(ForwardOutcome.Failure))]
    public void Classify_UpstreamStatus_ByDefaultCodes(int status, string expected) =>
        Assert.Equal(Enum.Parse<ForwardOutcome>(expected), ForwardOutcomes.Classify(ForwarderError.None, status, timedOut: false, Codes("5xx,408")));

    [Theory]
    [InlineData(ForwarderError.Request, nameof(ForwardOutcome.Failure))]
    [InlineData(ForwarderError.RequestTimedOut, nameof(ForwardOutcome.Failure))]
    [InlineData(ForwarderError.ResponseBodyDestination, nameof(ForwardOutcome.Failure))]
    [InlineData(ForwarderError.RequestBodyDestination, nameof(ForwardOutcome.Failure))]
    [InlineData(ForwarderError.RequestCanceled, nameof(ForwardOutcome.ClientAbort))]
    [InlineData(ForwarderError.ResponseBodyClient, nameof(ForwardOutcome.ClientAbort))]
    [InlineData(ForwarderError.ResponseBodyCanceled, nameof(ForwardOutcome.ClientAbort))]
    [InlineData(ForwarderError.RequestBodyClient, nameof(ForwardOutcome.ClientAbort))]
    [InlineData(ForwarderError.NoAvailableDestinations, nameof(ForwardOutcome.NotForwarded))]
    public void Classify_ForwarderError_IgnoresStatus(ForwarderError error, string expected) =>
        Assert.Equal(Enum.Parse<ForwardOutcome>(expected), ForwardOutcomes.Classify(error, 502, timedOut: false, Codes("5xx")));

    [Fact]
    public void Classify_RouteTimeout_IsAFailure_WhateverElseHappened() =>
        Assert.Equal(ForwardOutcome.Failure, ForwardOutcomes.Classify(ForwarderError.RequestCanceled, 504, timedOut: true, Codes("")));
}
