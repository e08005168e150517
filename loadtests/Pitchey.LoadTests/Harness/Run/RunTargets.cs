using System.Net;
using System.Net.Sockets;
using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Scenarios;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>Before any load: every target answers a TCP connect, and the scenario's requests are encoded for each.</summary>
internal static class RunTargets
{
    /// <summary>The first target nobody listens at, as a message naming its option; null when all answer.</summary>
    public static async Task<string?> CheckAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (uri, index) in settings.Targets.Select((uri, index) => (uri, index)))
        {
            var endpoint = LoopbackAddress.Resolve(uri)!;
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken).AsTask().WaitAsync(RunConstants.ConnectCheckTimeout, cancellationToken);
            }
            catch (Exception exception) when (exception is SocketException or TimeoutException)
            {
                var option = index == 0 ? "--target" : "--compare";
                return $"nothing answers at {option} {uri} ({(exception is SocketException socketError ? socketError.SocketErrorCode : "no answer in time")})";
            }
        }

        return null;
    }

    /// <summary>The engine's targets: each with the whole mix, encoded for its address; series = target × label.</summary>
    public static IReadOnlyList<EngineTarget> Encode(RunSettings settings, ScenarioPlan plan)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(plan);
        var labels = plan.Labels;
        return [.. settings.Targets.Select((uri, target) => new EngineTarget(
            (EndPoint)LoopbackAddress.Resolve(uri)!,
            new RequestMix([.. plan.Requests.Select(request => (
                RequestEncoder.Encode(request.Request, uri, (target * labels.Count) + IndexOf(labels, request.Label)), request.Weight))])))];
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        return -1;
    }
}
