using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests.RoutingHeaders;

/// <summary>A primary, one streaming replica and the stand-in API, shared by the tests of a class that leave them running.</summary>
public sealed class ReplicaEnvironment() : GatewayEnvironment(RoutingProbeEndpoints.Recipe(replicas: 1, standIn: true));
