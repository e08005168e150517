namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>
/// Tests that must have the process to themselves. Some read process-wide figures: Npgsql's pool
/// metrics come from one static meter, so a gateway of a test running beside them would add its
/// connections to theirs. Others bound an answer's time (a probe within a kubelet's 1 s while the
/// database is frozen): on two cores, tests starting their clusters and gateways beside them can
/// stall every thread of the shared pool past that, which says nothing about the gateway. xUnit runs
/// this collection on its own, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessAloneCollection
{
    public const string Name = "alone in the process";
}
