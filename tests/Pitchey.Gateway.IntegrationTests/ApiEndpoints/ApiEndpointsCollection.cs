namespace Pitchey.Gateway.IntegrationTests.ApiEndpoints;

/// <summary>
/// The API endpoint tests, one class per endpoint, sharing one <see cref="ApiEndpointsEnvironment"/>;
/// xUnit runs them one after the other, so the upstream request counts some of them take stay exact.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiEndpointsCollection : ICollectionFixture<ApiEndpointsEnvironment>
{
    public const string Name = "api endpoints: seeded database, stand-in and gateway";
}
