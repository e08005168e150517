namespace Pitchey.Gateway.IntegrationTests.Alerts;

/// <summary>
/// Tests that read process-wide figures: Npgsql's pool metrics come from one static meter, and every
/// gateway names its pools <c>primary</c>, <c>replica1</c>, ..., so a gateway of a test running beside
/// them would add its connections to theirs. xUnit runs this collection on its own, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessAloneCollection
{
    public const string Name = "alone in the process";
}
