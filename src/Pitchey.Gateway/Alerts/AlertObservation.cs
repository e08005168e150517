using Pitchey.Gateway.StatusPage;

namespace Pitchey.Gateway.Alerts;

/// <summary>Everything the rules read in one evaluation, taken at once by <see cref="AlertInputs"/>.</summary>
/// <param name="Breakers">Each upstream cluster's breaker: its state word and gauge value (0 closed .. 3 isolated).</param>
/// <param name="ReplicaLagSeconds">Per replica; unknown lag is left out.</param>
/// <param name="Pools">Per pool (host name): connections in use and the pool's maximum.</param>
/// <param name="InvalidIndexes">Invalid indexes of the insight's last round (subject, title); null before its first round.</param>
/// <param name="ReportAgeSeconds">
/// Age of the last health report whose checks all finished within the run timeout (since start-up
/// before the first): a report of timed-out checks is no refresh.
/// </param>
/// <param name="Windows">Request and query figures over a window (see <see cref="AlertInputs"/>).</param>
internal sealed record AlertObservation(
    DateTimeOffset At,
    IReadOnlyList<(string Cluster, string State, int Value)> Breakers,
    IReadOnlyDictionary<string, double> ReplicaLagSeconds,
    IReadOnlyDictionary<string, (double Used, double Max)> Pools,
    IReadOnlyList<(string Subject, string Title)>? InvalidIndexes,
    double ReportAgeSeconds,
    Func<TimeSpan, (long Requests, long Errors, IReadOnlyDictionary<string, LatencyInterval> Queries)> Windows);
