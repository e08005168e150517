namespace Pitchey.Gateway.IntegrationTests;

/// <summary>The tests that share one <see cref="SharedEnvironment"/>; xUnit runs them one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class SharedEnvironmentCollection : ICollectionFixture<SharedEnvironment>
{
    public const string Name = "shared database and stand-in";
}
