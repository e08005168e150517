using Pitchey.LoadTests.Harness.Engine;
using Pitchey.LoadTests.Harness.Thresholds;

namespace Pitchey.LoadTests.Harness.Run;

/// <summary>What <c>run</c> was asked to do, checked (every address loopback, every bound in range).</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Target">--target: the base address the scenario's paths are appended to.</param>
/// <param name="Compare">--compare: more targets measured in the same run, taking turns with the first.</param>
/// <param name="Model">Open (--rate, the default) or closed (--connections without --rate).</param>
/// <param name="Rate">Requests per second (open model).</param>
/// <param name="Connections">Connections.</param>
/// <param name="Duration">--duration: the measured window.</param>
/// <param name="Warmup">--warmup, discarded.</param>
/// <param name="Out">--out: folder for report.json (and the other formats); null: none written.</param>
/// <param name="Thresholds">--threshold, parsed.</param>
/// <param name="Baseline">--baseline: an earlier report.json.</param>
/// <param name="BaselineTolerance">--baseline-tolerance, in %.</param>
/// <param name="MaxRequests">--max-requests.</param>
/// <param name="Timeout">--timeout per request.</param>
/// <param name="Seed">--seed of the random choices.</param>
/// <param name="Slice">--slice: each target's turn with --compare.</param>
/// <param name="StandIn">--standin: the stand-in API's address, for its request count; null: not sampled.</param>
/// <param name="Path">--path, for scenarios that take one; null: the scenario's default.</param>
/// <param name="TokensFile">--tokens-file, for scenarios that send session tokens.</param>
/// <param name="Management">--management: the gateway's management listener; null: its figures are not read.</param>
/// <param name="ApiKeyFile">--api-key-file: the management key's file; null: the key comes from the environment.</param>
/// <param name="PrimaryData">--primary-data: the primary's data folder, for failover's pg_ctl.</param>
/// <param name="ReplicaData">--replica-data: a replica's data folder, for failover's pg_ctl; null: no replica is stopped.</param>
/// <param name="PgBin">--pg-bin: the folder holding pg_ctl; null: PG_BIN, else the newest /usr/lib/postgresql/N/bin.</param>
/// <param name="TargetPid">--target-pid: the gateway's process, whose memory (VmRSS) is sampled; null: none.</param>
internal sealed record RunSettings(
    string Scenario,
    Uri Target,
    IReadOnlyList<Uri> Compare,
    LoadModel Model,
    double Rate,
    int Connections,
    TimeSpan Duration,
    TimeSpan Warmup,
    string? Out,
    IReadOnlyList<Threshold> Thresholds,
    string? Baseline,
    double BaselineTolerance,
    long MaxRequests,
    TimeSpan Timeout,
    int Seed,
    TimeSpan Slice,
    Uri? StandIn,
    string? Path,
    string? TokensFile,
    Uri? Management = null,
    string? ApiKeyFile = null,
    string? PrimaryData = null,
    string? ReplicaData = null,
    string? PgBin = null,
    int? TargetPid = null)
{
    /// <summary>--target, then each --compare.</summary>
    public IReadOnlyList<Uri> Targets => [Target, .. Compare];
}
