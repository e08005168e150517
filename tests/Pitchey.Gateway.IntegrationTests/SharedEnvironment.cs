using Pitchey.Testing.Gateway;

namespace Pitchey.Gateway.IntegrationTests;

/// <summary>
/// One primary with the schema and one stand-in API, shared by the tests of the
/// <see cref="SharedEnvironmentCollection"/>, which run one after the other so upstream request
/// counts stay exact. Each test starts the gateways it needs in front of them.
/// </summary>
public sealed class SharedEnvironment() : GatewayEnvironment(new GatewayRecipe { StandIn = true });
