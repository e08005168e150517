using Pitchey.Testing.Gateway;

namespace Pitchey.Deployment.IntegrationTests;

/// <summary>
/// One primary with the schema and one stand-in API for the tests that run a gateway with a deployment's
/// settings (<see cref="DeploymentEnvironmentCollection"/>); each test starts its own gateway in front.
/// </summary>
public sealed class DeploymentEnvironment() : GatewayEnvironment(new GatewayRecipe { StandIn = true });
